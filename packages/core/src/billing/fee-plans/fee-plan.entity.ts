import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const FEE_PLAN_KINDS = ["per_lesson", "monthly", "term"] as const;
export type FeePlanKind = (typeof FEE_PLAN_KINDS)[number];

/**
 * How a student's lessons are charged (seeds 002 fee_plans, 004 course plans):
 * - `per_lesson`: `amountMinor` for each lesson (a per-student rate, overriding the teacher's hourly rate);
 * - `monthly`: `amountMinor` a month, covering that month's lessons;
 * - `term`: `amountMinor` once for a term package (`termStart`–`termEnd`, `lessonCount` lessons), covering its lessons.
 */
export const FeePlanEntity = new Entity({
  model: { entity: "feePlan", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    feePlanId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    kind: { type: FEE_PLAN_KINDS, required: true, readOnly: true },
    amountMinor: { type: "number", required: true },
    description: { type: "string" },
    termStart: { type: "string" },
    termEnd: { type: "string" },
    lessonCount: { type: "number" },
    isActive: { type: "boolean", required: true, default: true },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    feePlan: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["feePlanId"] } },
  },
});

/** A student on a fee plan from `startDate` (to `endDate`, inclusive, when it ends). */
export const FeePlanEnrolmentEntity = new Entity({
  model: { entity: "feePlanEnrolment", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    feePlanId: { type: "string", required: true, readOnly: true },
    startDate: { type: "string", required: true },
    endDate: { type: "string" },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    /** A student's plans: one query of the studio partition by student. */
    feePlanEnrolment: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["studentId", "feePlanId"] } },
    enrolmentsByPlan: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "feePlanId"] },
      sk: { field: "gsi1sk", composite: ["studentId"] },
    },
  },
});

/** A stored FeePlan item, as reads return it. */
export type FeePlanRecord = EntityItem<typeof FeePlanEntity>;

/** A stored FeePlanEnrolment item, as reads return it. */
export type FeePlanEnrolmentRecord = EntityItem<typeof FeePlanEnrolmentEntity>;
