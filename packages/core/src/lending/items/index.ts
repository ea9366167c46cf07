export { createItem } from "./create-item";
export { updateItem } from "./update-item";
export { deleteItem } from "./delete-item";
export { getItem } from "./get-item";
export { listItems } from "./list-items";
export { addMaintenance, listMaintenance } from "./maintenance";
export * from "./schemas";
export { InventoryItemSchema, MaintenanceEntrySchema, type InventoryItem, type MaintenanceEntry } from "./item-schema";
