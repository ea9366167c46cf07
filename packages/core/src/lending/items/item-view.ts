import type { InventoryItemRecord } from "../item.entity";
import type { MaintenanceEntryRecord } from "../maintenance-entry.entity";
import type { InventoryItem, MaintenanceEntry } from "./item-schema";

export type { InventoryItem, MaintenanceEntry };

/** available / on_loan (a lendable item with no unit in the studio) / maintenance / retired. */
export const availabilityOf = (r: Pick<InventoryItemRecord, "status" | "availableQuantity" | "isConsumable">): InventoryItem["status"] =>
  r.status !== "available" ? r.status : !r.isConsumable && r.availableQuantity <= 0 ? "on_loan" : "available";

export const isLowStock = (r: Pick<InventoryItemRecord, "availableQuantity" | "lowStockThreshold">) =>
  r.lowStockThreshold !== undefined && r.availableQuantity <= r.lowStockThreshold;

/** The item as the API shows it; `staff: false` hides what families need not see (value, serial, where it is kept, notes). */
export function toItem(r: InventoryItemRecord, { staff }: { staff: boolean }): InventoryItem {
  return {
    id: r.itemId,
    name: r.name,
    category: r.category,
    serialNumber: staff ? (r.serialNumber ?? null) : null,
    condition: r.condition,
    status: availabilityOf(r),
    location: staff ? (r.location ?? null) : null,
    valueMinor: staff ? (r.valueMinor ?? null) : null,
    purchaseDate: staff ? (r.purchaseDate ?? null) : null,
    quantity: r.quantity,
    availableQuantity: r.availableQuantity,
    isConsumable: r.isConsumable,
    lowStockThreshold: r.lowStockThreshold ?? null,
    isLowStock: isLowStock(r),
    isBorrowable: r.isBorrowable,
    maxLoanDays: r.maxLoanDays ?? null,
    depositMinor: r.depositMinor ?? null,
    rentalFeeMinor: r.rentalFeeMinor ?? null,
    lastMaintenanceDate: staff ? (r.lastMaintenanceDate ?? null) : null,
    notes: staff ? (r.notes ?? null) : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export const toMaintenanceEntry = (r: MaintenanceEntryRecord): MaintenanceEntry => ({
  id: r.entryId,
  itemId: r.itemId,
  performedOn: r.performedOn,
  description: r.description,
  costMinor: r.costMinor ?? null,
  performedBy: r.performedBy ?? null,
  conditionAfter: r.conditionAfter ?? null,
  createdAt: r.createdAt,
});
