import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField, text } from "../../people";
import { instantField } from "../fields";
import { ATTENDANCE_STATUSES } from "../lessons/lesson-attendee.entity";

const attendanceEntrySchema = z
  .object({
    studentId: recordIdField,
    status: z.enum(ATTENDANCE_STATUSES, { errorMap: () => ({ message: `must be one of ${ATTENDANCE_STATUSES.join(", ")}` }) }),
    /** Only with status "late". */
    minutesLate: z
      .number({ invalid_type_error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(480, "must be at most 480")
      .optional(),
    note: text(500).min(1, "must not be empty").optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.minutesLate !== undefined && entry.status !== "late") ctx.addIssue({ code: "custom", path: ["minutesLate"], message: "only for status late" });
  });

/** PUT a lesson's attendance: one entry per student marked; students not listed keep what they had. */
export const markAttendanceSchema = z
  .object({ entries: z.array(attendanceEntrySchema).min(1, "must list at least one student").max(30, "must list at most 30 students") })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.entries.forEach((entry, i) => {
      if (seen.has(entry.studentId)) ctx.addIssue({ code: "custom", path: ["entries", i, "studentId"], message: "is listed twice" });
      seen.add(entry.studentId);
    });
  });
export type MarkAttendanceInput = z.infer<typeof markAttendanceSchema>;

/** `GET …/attendance?studentId=`: a student's lessons starting in [from, to) (default: up to now), newest first. */
export const attendanceHistoryQuerySchema = pageQuerySchema
  .extend({ studentId: recordIdField, from: instantField.optional(), to: instantField.optional() })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ["to"], message: "must be after from" });
export type AttendanceHistoryQuery = z.infer<typeof attendanceHistoryQuerySchema>;
