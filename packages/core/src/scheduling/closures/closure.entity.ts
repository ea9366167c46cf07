import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/** Dates the studio is closed (holidays), local dates inclusive. Lessons cannot be booked in them. */
export const ClosureEntity = new Entity({
  model: { entity: "closure", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    closureId: { type: "string", required: true, readOnly: true },
    startDate: { type: "string", required: true },
    endDate: { type: "string", required: true },
    reason: { type: "string", required: true },
    /** Lessons cancelled because of it, when it was added. */
    cancelledLessonIds: { type: "list", items: { type: "string" } },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    deletedAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    closure: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["closureId"] } },
    closuresByDate: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId"] },
      sk: { field: "gsi1sk", composite: ["endDate", "closureId"] },
    },
  },
});

/** A stored Closure item, as reads return it. */
export type ClosureRecord = EntityItem<typeof ClosureEntity>;
