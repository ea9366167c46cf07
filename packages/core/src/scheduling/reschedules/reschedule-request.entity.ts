import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const RESCHEDULE_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;

/**
 * A student's or parent's request to move one lesson (seeds 004: reschedule_requests). Its id is
 * "<lessonId>-r<n>" (the lesson's n-th request), so a lesson's requests are one begins_with query
 * and two requests racing to be a lesson's next one cannot both be created.
 */
export const RescheduleRequestEntity = new Entity({
  model: { entity: "rescheduleRequest", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    requestId: { type: "string", required: true, readOnly: true },
    lessonId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true },
    /** The student's family when asked (its parents read the request); unset for a student without one. */
    familyId: { type: "string" },
    teacherId: { type: "string", required: true },
    requestedBy: { type: "string", required: true },
    originalStart: { type: "string", required: true },
    originalEnd: { type: "string", required: true },
    proposedStart: { type: "string", required: true },
    proposedEnd: { type: "string", required: true },
    message: { type: "string" },
    status: { type: ["pending", "approved", "rejected", "withdrawn"] as const, required: true, default: "pending" },
    reviewedBy: { type: "string" },
    reviewedAt: { type: "string" },
    reviewNote: { type: "string" },
    ...timestamps,
  },
  indexes: {
    request: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["requestId"] } },
    /** The admin inbox (seeds 004: reschedule_requests(status, createdAt)). */
    requestsByStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "status"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "requestId"] },
    },
    requestsByTeacher: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "teacherId"] },
      sk: { field: "gsi2sk", composite: ["createdAt", "requestId"] },
    },
    requestsByStudent: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["studioId", "studentId"] },
      sk: { field: "gsi3sk", composite: ["createdAt", "requestId"] },
    },
  },
});

/** A stored RescheduleRequest item, as reads return it. */
export type RescheduleRequestRecord = EntityItem<typeof RescheduleRequestEntity>;
