import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/** A teacher's weekly working hours, local to the studio's time zone (one item per teacher). */
export const AvailabilityEntity = new Entity({
  model: { entity: "availability", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    teacherId: { type: "string", required: true, readOnly: true },
    weeklyHours: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          /** ISO weekday 1 = Monday … 7 = Sunday. */
          weekday: { type: "number", required: true },
          start: { type: "string", required: true },
          end: { type: "string", required: true },
        },
      },
    },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    availability: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["teacherId"] } },
  },
});

/** A stored Availability item, as reads return it. */
export type AvailabilityRecord = EntityItem<typeof AvailabilityEntity>;
