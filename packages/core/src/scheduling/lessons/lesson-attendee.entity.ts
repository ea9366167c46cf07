import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const ATTENDANCE_STATUSES = ["present", "absent", "late", "excused"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * A student's place in a lesson: a copy of the lesson's schedule fields (kept in step by every
 * lesson write, in the same transaction) and the student's attendance. The copy is what lets a
 * student's or a family's calendar be one query, and attendance history another.
 */
export const LessonAttendeeEntity = new Entity({
  model: { entity: "lessonAttendee", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    lessonId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    /** The student's family when booked; "none" keeps the index dense. */
    familyId: { type: "string", required: true, default: "none" },
    /** The lesson as it is now (see LessonEntity): JSON of LessonRecord minus bookkeeping. */
    teacherId: { type: "string", required: true },
    scheduledStart: { type: "string", required: true },
    scheduledEnd: { type: "string", required: true },
    lesson: { type: "any", required: true },
    attendance: { type: ["present", "absent", "late", "excused"] as const },
    minutesLate: { type: "number" },
    attendanceNote: { type: "string" },
    attendanceMarkedBy: { type: "string" },
    attendanceMarkedAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    attendee: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["lessonId", "studentId"] } },
    studentCalendar: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "studentId"] },
      sk: { field: "gsi1sk", composite: ["scheduledStart", "lessonId"] },
    },
    familyCalendar: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "familyId"] },
      sk: { field: "gsi2sk", composite: ["scheduledStart", "lessonId", "studentId"] },
    },
  },
});

/** A stored LessonAttendee item, as reads return it. */
export type AttendeeRecord = EntityItem<typeof LessonAttendeeEntity>;
