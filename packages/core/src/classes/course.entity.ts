import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

export const COURSE_KINDS = ["group", "private"] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/**
 * A course the studio teaches (seeds 004: Course with its CoursePlans): an instrument (plain text;
 * the studio's instrument list is the distinct values), group or private, an age range, and its
 * plans embedded (a handful each): how many classes, the price, how long it is valid. Each plan is
 * backed by a term fee plan of billing (`feePlanId`, made with the plan), so the billing run bills
 * an admission once and counts its classes as covered.
 */
export const CourseEntity = new Entity({
  model: { entity: "course", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    courseId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    instrument: { type: "string", required: true },
    kind: { type: COURSE_KINDS, required: true, readOnly: true },
    description: { type: "string" },
    minAge: { type: "number" },
    maxAge: { type: "number" },
    isActive: { type: "boolean", required: true, default: true },
    plans: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          planId: { type: "string", required: true },
          name: { type: "string", required: true },
          classCount: { type: "number", required: true },
          priceMinor: { type: "number", required: true },
          validityDays: { type: "number", required: true },
          feePlanId: { type: "string", required: true },
        },
      },
    },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    course: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["courseId"] } },
  },
});

/** A stored Course, as reads return it. */
export type CourseRecord = EntityItem<typeof CourseEntity>;
export type CoursePlanRecord = CourseRecord["plans"][number];
