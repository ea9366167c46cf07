import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";
import { ITEM_CONDITIONS } from "./item.entity";

/** One line of an item's maintenance log (a repair, a service, a restring), in the item's own partition: the log is one query. */
export const MaintenanceEntryEntity = new Entity({
  model: { entity: "maintenanceEntry", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    itemId: { type: "string", required: true, readOnly: true },
    entryId: { type: "string", required: true, readOnly: true },
    /** Local date it was done. */
    performedOn: { type: "string", required: true, readOnly: true },
    description: { type: "string", required: true, readOnly: true },
    costMinor: { type: "number", readOnly: true },
    performedBy: { type: "string", readOnly: true },
    /** The item's condition after it, when the entry set it. */
    conditionAfter: { type: ITEM_CONDITIONS, readOnly: true },
    createdBy: { type: "string", readOnly: true },
    ...timestamps,
  },
  indexes: {
    maintenanceEntry: { pk: { field: "pk", composite: ["studioId", "itemId"] }, sk: { field: "sk", composite: ["entryId"] } },
  },
});

/** A stored MaintenanceEntry, as reads return it. */
export type MaintenanceEntryRecord = EntityItem<typeof MaintenanceEntryEntity>;
