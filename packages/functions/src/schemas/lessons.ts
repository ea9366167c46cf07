import { z } from "@hono/zod-openapi";
import { AttendanceEntrySchema, CancellationPreviewSchema, LessonSchema, LessonSummarySchema } from "@studiosync/core/scheduling";

export { CancellationPreviewSchema, LessonSchema, LessonSummarySchema };

const optional = z.string().nullable();

const NamesById = z.record(z.string(), z.string());
export const LessonNamesSchema = z.object({ teachers: NamesById, students: NamesById, bands: NamesById }).openapi("LessonNames", {
  description:
    "With `include=names`: display names by id of the teachers (the original teacher too), students and bands; students and parents see only their own students' names",
});

export const LessonWithNamesSchema = LessonSchema.extend({
  names: LessonNamesSchema.optional(),
  attendance: z.array(AttendanceEntrySchema).optional().openapi({ description: "With `include=attendance`: its attendance, as GET …/attendance gives it" }),
}).openapi("LessonWithNames");

export const CalendarEntrySchema = LessonSchema.extend({
  attendeeStudentId: optional.openapi({
    description: "On a student's or family's calendar: whose entry this is (a family lists a lesson once per child in it); null on other calendars",
  }),
}).openapi("CalendarEntry");

export const CalendarPageSchema = z
  .object({ items: z.array(CalendarEntrySchema), nextCursor: z.string().nullable(), names: LessonNamesSchema.optional() })
  .openapi("LessonCalendarPage");

export const LessonAttendanceSchema = z.object({ lessonId: z.string(), entries: z.array(AttendanceEntrySchema) }).openapi("LessonAttendance");

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
