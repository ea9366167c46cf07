import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/**
 * The reminder job's work queue: a lesson whose reminder falls in a UTC hour is keyed by that
 * hour ("2026-11-22T15"), across studios (a deliberate cross-tenant index, read only by the job).
 * Written, moved and deleted with the lesson in the same transaction.
 */
export const ReminderDueEntity = new Entity({
  model: { entity: "reminderDue", version: "1", service: SERVICE },
  attributes: {
    hour: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true, readOnly: true },
    lessonId: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    reminderDue: {
      pk: { field: "pk", composite: ["hour"] },
      sk: { field: "sk", composite: ["studioId", "lessonId"] },
    },
  },
});

/** One reminder sent: recipient × lesson × local day, so a second run sends nothing twice. */
export const ReminderSentEntity = new Entity({
  model: { entity: "reminderSent", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    lessonId: { type: "string", required: true, readOnly: true },
    recipient: { type: "string", required: true, readOnly: true },
    day: { type: "string", required: true, readOnly: true },
    sentAt: { type: "string", required: true },
    expiresAt: { type: "number" },
  },
  indexes: {
    reminderSent: {
      pk: { field: "pk", composite: ["studioId", "lessonId"] },
      sk: { field: "sk", composite: ["recipient", "day"] },
    },
  },
});

/** How far a job has worked through its time buckets (e.g. the last whole hour it finished). */
export const JobCursorEntity = new Entity({
  model: { entity: "jobCursor", version: "1", service: SERVICE },
  attributes: {
    job: { type: "string", required: true, readOnly: true },
    doneThrough: { type: "string", required: true },
    ...timestamps,
  },
  indexes: {
    jobCursor: { pk: { field: "pk", composite: ["job"] }, sk: { field: "sk", composite: [] } },
  },
});
