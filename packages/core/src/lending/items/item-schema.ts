import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();
const money = z.number().int().nullable();

/** An inventory item as the API shows it (item-view.ts maps a record to it). Staff-only fields are null for families. */
export const InventoryItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    category: z.enum(["instrument", "equipment", "sheet-music", "accessories", "other"]),
    serialNumber: optional,
    condition: z.enum(["excellent", "good", "fair", "needs-repair"]),
    status: z.enum(["available", "on_loan", "maintenance", "retired"]).openapi({ description: "on_loan: every unit is lent" }),
    location: optional,
    valueMinor: money,
    purchaseDate: optional,
    quantity: z.number().int(),
    availableQuantity: z.number().int().openapi({ description: "Units in the studio (not lent)" }),
    isConsumable: z.boolean(),
    lowStockThreshold: z.number().int().nullable(),
    isLowStock: z.boolean().openapi({ description: "Available units at or below the low-stock threshold" }),
    isBorrowable: z.boolean(),
    maxLoanDays: z.number().int().nullable(),
    depositMinor: money,
    rentalFeeMinor: money,
    lastMaintenanceDate: optional,
    notes: optional,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("InventoryItem");
export type InventoryItem = z.infer<typeof InventoryItemSchema>;

export const MaintenanceEntrySchema = z
  .object({
    id: z.string(),
    itemId: z.string(),
    performedOn: z.string(),
    description: z.string(),
    costMinor: money,
    performedBy: optional,
    conditionAfter: z.enum(["excellent", "good", "fair", "needs-repair"]).nullable(),
    createdAt: z.string(),
  })
  .openapi("MaintenanceEntry");
export type MaintenanceEntry = z.infer<typeof MaintenanceEntrySchema>;
