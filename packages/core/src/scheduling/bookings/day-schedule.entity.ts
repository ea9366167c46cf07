import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const RESOURCE_TYPES = ["teacher", "student", "room"] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/**
 * One resource's bookings on one UTC day: the source of truth for double-booking. Every lesson
 * write reads the day items it touches (strongly consistent) and writes them back in the same
 * transaction on condition that `version` is unchanged, so two bookings racing for the same
 * teacher, student or room day serialise: exactly one commits.
 */
export const DayScheduleEntity = new Entity({
  model: { entity: "daySchedule", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    resourceType: { type: ["teacher", "student", "room"] as const, required: true, readOnly: true },
    resourceId: { type: "string", required: true, readOnly: true },
    /** UTC date "YYYY-MM-DD". */
    day: { type: "string", required: true, readOnly: true },
    bookings: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          lessonId: { type: "string", required: true },
          start: { type: "string", required: true },
          end: { type: "string", required: true },
        },
      },
    },
    version: { type: "number", required: true },
    ...timestamps,
  },
  indexes: {
    daySchedule: {
      pk: { field: "pk", composite: ["studioId"] },
      sk: { field: "sk", composite: ["resourceType", "resourceId", "day"] },
    },
  },
});
