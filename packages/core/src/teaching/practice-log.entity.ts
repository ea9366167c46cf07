import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";
import { LISTINGS } from "../kernel/db/attributes";

/** Practice a student or parent records (minutes, pieces); the student's teachers see it. */
export const PracticeLogEntity = new Entity({
  model: { entity: "practiceLog", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    logId: { type: "string", required: true, readOnly: true },
    /** Never changes; writes that move the record between lists pass it again for the index key. */
    studentId: { type: "string", required: true },
    /** Local date practised. */
    practisedOn: { type: "string", required: true },
    minutes: { type: "number", required: true },
    pieces: { type: "list", items: { type: "string" } },
    notes: { type: "string" },
    recordedBy: { type: "string", required: true },
    deletedAt: { type: "string" },
    /** "deleted" moves a log out of the student's list (soft delete). */
    listing: { type: LISTINGS, required: true, default: "listed" },
    ...timestamps,
  },
  indexes: {
    log: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["logId"] } },
    logsByStudent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "studentId", "listing"] },
      sk: { field: "gsi1sk", composite: ["practisedOn", "logId"] },
    },
  },
});

/** A stored PracticeLog item, as reads return it. */
export type PracticeLogRecord = EntityItem<typeof PracticeLogEntity>;
