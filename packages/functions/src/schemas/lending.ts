import { z } from "@hono/zod-openapi";
import { InventoryItemSchema, LoanSchema, MaintenanceEntrySchema } from "@studiosync/core/lending";

export { InventoryItemSchema, LoanSchema, MaintenanceEntrySchema };

const page = <T extends z.ZodTypeAny>(item: T, name: string) => z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

export const InventoryItemPageSchema = page(InventoryItemSchema, "InventoryItemPage");
export const MaintenanceEntryPageSchema = page(MaintenanceEntrySchema, "MaintenanceEntryPage");
export const LoanPageSchema = page(LoanSchema, "LoanPage");

/** An item with, on `include=history`, the first page of its loans and of its maintenance log. */
export const InventoryItemWithHistorySchema = InventoryItemSchema.extend({
  history: z.object({ loans: LoanPageSchema, maintenance: MaintenanceEntryPageSchema }).optional(),
}).openapi("InventoryItemWithHistory");
