import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const LESSON_TYPES = ["private", "group", "ensemble", "online"] as const;
export const LESSON_STATUSES = ["scheduled", "in_progress", "completed", "cancelled", "no_show"] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];
export const CANCELLED_BY = ["student", "studio"] as const;
export const CANCELLATION_OUTCOMES = ["credit_issued", "no_credit"] as const;

/**
 * One lesson (seeds: Lesson): a teacher with a student or a band, at scheduled instants (UTC ISO).
 * Who attends is in `studentIds` and, one item each, in LessonAttendee (their calendar and
 * attendance). Calendars: the teacher's, the whole studio's and a room's, each sorted by start.
 */
export const LessonEntity = new Entity({
  model: { entity: "lesson", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    lessonId: { type: "string", required: true, readOnly: true },
    /** The teacher teaching it (a substitute when `originalTeacherId` is set). */
    teacherId: { type: "string", required: true },
    /** The teacher it was booked with, kept on record when a substitute takes it. */
    originalTeacherId: { type: "string" },
    /** The private student, or unset for a band lesson. */
    studentId: { type: "string" },
    bandId: { type: "string" },
    /** Everyone attending: the student, or the band's members when it was booked. */
    studentIds: { type: "list", items: { type: "string" }, required: true },
    type: { type: ["private", "group", "ensemble", "online"] as const, required: true },
    status: { type: ["scheduled", "in_progress", "completed", "cancelled", "no_show"] as const, required: true, default: "scheduled" },
    title: { type: "string" },
    scheduledStart: { type: "string", required: true },
    scheduledEnd: { type: "string", required: true },
    actualStart: { type: "string" },
    actualEnd: { type: "string" },
    /** Free-text place ("Main hall", an address). */
    location: { type: "string" },
    /** A room of the studio; rooms cannot be double-booked. `roomKey` is its normalised name ("none" when unset). */
    roomName: { type: "string" },
    roomKey: { type: "string", required: true, default: "none" },
    onlineUrl: { type: "string" },
    /** Set when a recurring pattern made the lesson, with the local date it stands for. */
    patternId: { type: "string" },
    occurrenceDate: { type: "string" },
    /** When the pattern planned it (UTC ISO), kept through moves: its series' RECURRENCE-ID in calendar invitations. */
    occurrenceStart: { type: "string" },
    /** A pattern-made lesson changed or cancelled by hand: pattern edits and jobs leave it alone. */
    editedByHand: { type: "boolean", required: true, default: false },
    /** A trial lesson booked from the public page: the lead it is for (it has no student yet). */
    leadId: { type: "string" },
    /** A group class's date: the class slot it belongs to (its attendance is taken there, where present marks use the plan's classes). */
    classSlotId: { type: "string" },
    /** A make-up lesson spends this credit. */
    makeupCreditId: { type: "string" },
    /** The UTC hour bucket of its pending reminder (ReminderDue), so a move or cancel can find it. */
    reminderHour: { type: "string" },
    /** Set when a reschedule request moved it. */
    rescheduledFrom: { type: "string" },
    /** A family's "confirm" in reply to the lesson's email: when, and from which address. */
    confirmedAt: { type: "string" },
    confirmedBy: { type: "string" },
    /** Counts the changes families are told of (moves, cancellation): part of the calendar event's SEQUENCE. */
    revision: { type: "number" },
    cancellation: {
      type: "map",
      properties: {
        by: { type: ["student", "studio"] as const, required: true },
        reason: { type: "string", required: true },
        at: { type: "string", required: true },
        actorId: { type: "string", required: true },
        noticeHours: { type: "number", required: true },
        outcome: { type: ["credit_issued", "no_credit"] as const, required: true },
        /** The outcome in words: "credit issued: 52 h notice". */
        explanation: { type: "string", required: true },
        creditId: { type: "string" },
        closureId: { type: "string" },
      },
    },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    lesson: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["lessonId"] } },
    teacherCalendar: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "teacherId"] },
      sk: { field: "gsi1sk", composite: ["scheduledStart", "lessonId"] },
    },
    studioCalendar: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId"] },
      sk: { field: "gsi2sk", composite: ["scheduledStart", "lessonId"] },
    },
    roomCalendar: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["studioId", "roomKey"] },
      sk: { field: "gsi3sk", composite: ["scheduledStart", "lessonId"] },
    },
  },
});

/** A stored Lesson item, as reads return it. */
export type LessonRecord = EntityItem<typeof LessonEntity>;
