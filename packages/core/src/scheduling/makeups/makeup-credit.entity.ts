import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const CREDIT_STATUSES = ["available", "used", "expired", "revoked"] as const;

/**
 * A make-up credit: issued when a cancellation earns one, spent by booking a make-up lesson, and
 * expired by a job reading `creditsByExpiry` (keyed by local expiry date, across studios: job only).
 */
export const MakeupCreditEntity = new Entity({
  model: { entity: "makeupCredit", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    creditId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    status: { type: ["available", "used", "expired", "revoked"] as const, required: true, default: "available" },
    /** The cancelled lesson that earned it. */
    sourceLessonId: { type: "string", required: true },
    /** Who cancelled that lesson: only the student's own cancellations count against the per-term maximum. */
    cancelledBy: { type: ["student", "studio"] as const, required: true },
    /** Why the lesson was cancelled (the cancellation's reason). */
    reason: { type: "string", required: true },
    /** The cancelled lesson's teacher and length: a make-up books with them unless told otherwise. */
    teacherId: { type: "string", required: true },
    durationMinutes: { type: "number", required: true },
    /** The term it counts against, e.g. "2026-Q4". */
    term: { type: "string", required: true },
    issuedAt: { type: "string", required: true },
    /** Local date (studio time zone) after which it can no longer be spent. */
    expiresOn: { type: "string", required: true },
    usedLessonId: { type: "string" },
    usedAt: { type: "string" },
    expiredAt: { type: "string" },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    credit: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["creditId"] } },
    creditsByStudent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "studentId"] },
      sk: { field: "gsi1sk", composite: ["issuedAt", "creditId"] },
    },
    creditsByExpiry: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["expiresOn"] },
      sk: { field: "gsi2sk", composite: ["studioId", "creditId"] },
    },
  },
});

/** A stored MakeupCredit item, as reads return it. */
export type MakeupCreditRecord = EntityItem<typeof MakeupCreditEntity>;
