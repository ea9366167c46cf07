import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();
const LocalTimesSchema = z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), timeZone: z.string() });

/** One student's attendance at one lesson, as the API shows it (attendance-view.ts maps it). */
export const AttendanceEntrySchema = z
  .object({
    studentId: z.string(),
    status: z.enum(["present", "absent", "late", "excused"]).nullable().openapi({ description: "null: not marked yet" }),
    minutesLate: z.number().int().nullable(),
    note: optional,
    markedBy: optional.openapi({ description: "The user who marked it" }),
    markedAt: optional,
  })
  .openapi("AttendanceEntry");

export type AttendanceEntry = z.infer<typeof AttendanceEntrySchema>;

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
export type LessonSummary = z.infer<typeof LessonSummarySchema>;
