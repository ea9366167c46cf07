import { z } from "@hono/zod-openapi";

const optional = z.string().nullable();

export const LessonSchema = z
  .object({
    id: z.string(),
    studioId: z.string(),
    teacherId: z.string().openapi({ description: "The teacher teaching it (the substitute, when originalTeacherId is set)" }),
    originalTeacherId: optional.openapi({ description: "The teacher it was booked with, when a substitute teaches it" }),
    studentId: optional.openapi({ description: "The student of a private lesson" }),
    bandId: optional.openapi({ description: "The band of a group lesson" }),
    studentIds: z.array(z.string()).openapi({ description: "Everyone attending" }),
    type: z.enum(["private", "group", "ensemble", "online"]),
    status: z.enum(["scheduled", "in_progress", "completed", "cancelled", "no_show"]),
    title: optional,
    scheduledStart: z.string().openapi({ example: "2026-11-24T21:00:00.000Z" }),
    scheduledEnd: z.string().openapi({ example: "2026-11-24T21:45:00.000Z" }),
    durationMinutes: z.number().int(),
    local: z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), timeZone: z.string() }).openapi({
      description: "The lesson's date and times on the studio's wall clock",
      example: { date: "2026-11-24", startTime: "16:00", endTime: "16:45", timeZone: "America/New_York" },
    }),
    actualStart: optional,
    actualEnd: optional,
    location: optional,
    roomName: optional,
    onlineUrl: optional,
    patternId: optional.openapi({ description: "The recurring pattern that made it" }),
    occurrenceDate: optional,
    editedByHand: z.boolean().openapi({ description: "Changed or cancelled by hand: pattern edits and jobs leave it alone" }),
    makeupCreditId: optional.openapi({ description: "The make-up credit this lesson spends" }),
    rescheduledFrom: optional,
    cancellation: z
      .object({
        by: z.enum(["student", "studio"]),
        reason: z.string(),
        at: z.string(),
        actorId: z.string(),
        noticeHours: z.number(),
        outcome: z.enum(["credit_issued", "no_credit"]),
        explanation: z.string().openapi({ example: "credit issued: 52 h notice" }),
        creditId: z.string().optional(),
        closureId: z.string().optional(),
      })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Lesson");

const NamesById = z.record(z.string(), z.string());
export const LessonNamesSchema = z.object({ teachers: NamesById, students: NamesById, bands: NamesById }).openapi("LessonNames", {
  description:
    "With `include=names`: display names by id of the teachers (the original teacher too), students and bands; students and parents see only their own students' names",
});

export const LessonWithNamesSchema = LessonSchema.extend({ names: LessonNamesSchema.optional() }).openapi("LessonWithNames");

export const CancellationPreviewSchema = z
  .object({
    lessonId: z.string(),
    by: z.enum(["student", "studio"]),
    noticeHours: z.number().int(),
    outcome: z.enum(["credit_issued", "no_credit"]),
    explanation: z.string().openapi({ example: "credit issued: 52 h notice" }),
    students: z.array(z.object({ studentId: z.string(), outcome: z.enum(["credit_issued", "no_credit"]), explanation: z.string() })),
  })
  .openapi("CancellationPreview");

const LocalTimesSchema = z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), timeZone: z.string() });

export const CalendarEntrySchema = LessonSchema.extend({
  attendeeStudentId: optional.openapi({
    description: "On a student's or family's calendar: whose entry this is (a family lists a lesson once per child in it); null on other calendars",
  }),
}).openapi("CalendarEntry");

export const CalendarPageSchema = z
  .object({ items: z.array(CalendarEntrySchema), nextCursor: z.string().nullable(), names: LessonNamesSchema.optional() })
  .openapi("LessonCalendarPage");

const ATTENDANCE = z.enum(["present", "absent", "late", "excused"]);

export const AttendanceEntrySchema = z
  .object({
    studentId: z.string(),
    status: ATTENDANCE.nullable().openapi({ description: "null: not marked yet" }),
    minutesLate: z.number().int().nullable(),
    note: optional,
    markedBy: optional.openapi({ description: "The user who marked it" }),
    markedAt: optional,
  })
  .openapi("AttendanceEntry");

export const LessonAttendanceSchema = z.object({ lessonId: z.string(), entries: z.array(AttendanceEntrySchema) }).openapi("LessonAttendance");

/** A lesson as a student's history lists it. */
export const LessonSummarySchema = z.object({
  id: z.string(),
  teacherId: z.string(),
  type: z.enum(["private", "group", "ensemble", "online"]),
  status: z.enum(["scheduled", "in_progress", "completed", "cancelled", "no_show"]),
  title: optional,
  scheduledStart: z.string(),
  scheduledEnd: z.string(),
  durationMinutes: z.number().int(),
  local: LocalTimesSchema,
});

export const AttendanceHistorySchema = z
  .object({
    studentId: z.string(),
    items: z.array(
      z.object({
        lesson: LessonSummarySchema,
        attendance: AttendanceEntrySchema,
      }),
    ),
    summary: z
      .object({ present: z.number().int(), absent: z.number().int(), late: z.number().int(), excused: z.number().int(), unmarked: z.number().int() })
      .openapi({ description: "This page's lessons by attendance; unmarked: not cancelled and not marked" }),
    nextCursor: z.string().nullable(),
  })
  .openapi("AttendanceHistoryPage");
