import type { EntityItem } from "electrodb";
import { LISTINGS, SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

export const ITEM_CATEGORIES = ["instrument", "equipment", "sheet-music", "accessories", "other"] as const;
export const ITEM_CONDITIONS = ["excellent", "good", "fair", "needs-repair"] as const;
/** What staff set. "On loan" is not stored: it is an available item with no unit left (item-view.ts). */
export const ITEM_STATUSES = ["available", "maintenance", "retired"] as const;

/**
 * Something the studio owns and may lend (seeds: InventoryItem): an instrument, equipment, sheet
 * music, accessories, consumables. `quantity` units in all, `availableQuantity` of them in the
 * studio: lending takes units on condition that enough are there (loans/lend-writes.ts), in the
 * loan's transaction, so concurrent approvals never lend more than there is. Only an `available`,
 * listed, borrowable item is lent. Low stock: available ≤ `lowStockThreshold`.
 *
 * `itemsByName` (gsi1): the studio's listed items by category, then name; `nameKey` is the
 * lower-cased name it sorts by. Writes that change name or category pass all three.
 */
export const InventoryItemEntity = new Entity({
  model: { entity: "inventoryItem", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    itemId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    nameKey: { type: "string", required: true },
    category: { type: ITEM_CATEGORIES, required: true },
    serialNumber: { type: "string" },
    condition: { type: ITEM_CONDITIONS, required: true, default: "good" },
    status: { type: ITEM_STATUSES, required: true, default: "available" },
    location: { type: "string" },
    /** What it is worth (replacement value), minor units of the studio's currency. */
    valueMinor: { type: "number" },
    purchaseDate: { type: "string" },
    quantity: { type: "number", required: true, default: 1 },
    availableQuantity: { type: "number", required: true, default: 1 },
    /** Consumables (strings, reeds): handed out, not lent; their stock is kept by editing the quantity. */
    isConsumable: { type: "boolean", required: true, default: false },
    lowStockThreshold: { type: "number" },
    isBorrowable: { type: "boolean", required: true, default: false },
    /** The longest loan, in days (the default due date of a request). */
    maxLoanDays: { type: "number" },
    /** Charged to the borrower's billing account when lent (next billing run); the deposit is credited back on return. */
    depositMinor: { type: "number" },
    rentalFeeMinor: { type: "number" },
    lastMaintenanceDate: { type: "string" },
    notes: { type: "string" },
    listing: { type: LISTINGS, required: true, default: "listed" },
    deletedAt: { type: "string" },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    item: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["itemId"] } },
    itemsByName: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi1sk", composite: ["category", "nameKey", "itemId"] },
    },
  },
});

/** A stored InventoryItem, as reads return it. */
export type InventoryItemRecord = EntityItem<typeof InventoryItemEntity>;
