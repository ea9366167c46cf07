import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * A student's seat in a class slot (seeds 004: Enrolment). Its key is (slot, student), created on
 * condition it does not exist, so a student holds at most one seat per slot; a withdrawal deletes
 * it (the audit log keeps the history). `classesLeft` counts down with each class attended
 * (present or late); `noticesSent` records the "4 left" and "0 left" emails so each goes once.
 */
export const ClassEnrolmentEntity = new Entity({
  model: { entity: "classEnrolment", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    slotId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    /** The student's name when admitted (the roster shows it without reading the student). */
    studentName: { type: "string" },
    courseId: { type: "string", required: true, readOnly: true },
    planId: { type: "string", required: true, readOnly: true },
    feePlanId: { type: "string", required: true, readOnly: true },
    /** The local date the seat starts (the admission's day, or the term's first day). */
    startDate: { type: "string", required: true, readOnly: true },
    /** The local date its plan runs out (validity), at most the term's last day. */
    endDate: { type: "string", required: true },
    classCount: { type: "number", required: true, readOnly: true },
    classesLeft: { type: "number", required: true },
    noticesSent: { type: "list", items: { type: "string" } },
    /** The lessons the student was added to at admission. */
    lessonIds: { type: "list", required: true, items: { type: "string" } },
    admittedBy: { type: "string", readOnly: true },
    ...timestamps,
  },
  indexes: {
    classEnrolment: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["slotId", "studentId"] } },
    /** A student's seats. */
    enrolmentsByStudent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "studentId"] },
      sk: { field: "gsi1sk", composite: ["slotId"] },
    },
  },
});

/** A stored ClassEnrolment, as reads return it. */
export type ClassEnrolmentRecord = EntityItem<typeof ClassEnrolmentEntity>;
