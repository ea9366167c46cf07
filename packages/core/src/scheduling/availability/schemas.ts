import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField } from "../../people";
import { localEndTimeField } from "../../kernel/fields/calendar-fields";
import { localTimeField } from "../fields";
import { hoursProblems, MAX_WEEKLY_RANGES } from "./weekly-hours";

const workingRangeSchema = z
  .object({
    weekday: z
      .number({ invalid_type_error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be 1 (Monday) to 7 (Sunday)")
      .max(7, "must be 1 (Monday) to 7 (Sunday)"),
    start: localTimeField,
    /** "24:00" ends the range at midnight. */
    end: localEndTimeField,
  })
  .strict();

/** A week of local time ranges (working hours, a room's opening hours): each end after its start, none overlapping. */
export const weeklyHoursSchema = z
  .array(workingRangeSchema, { invalid_type_error: "must be a list of ranges" })
  .max(MAX_WEEKLY_RANGES, `must have at most ${MAX_WEEKLY_RANGES} ranges`)
  .superRefine((hours, ctx) => {
    for (const problem of hoursProblems(hours)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [problem.index, problem.field], message: problem.message });
    }
  });

/** A teacher's whole working week; replaces the previous one. */
export const setAvailabilitySchema = z.object({ weeklyHours: weeklyHoursSchema }).strict();
export type SetAvailabilityInput = z.infer<typeof setAvailabilitySchema>;

export const listAvailabilityQuerySchema = pageQuerySchema.extend({
  /** Only this teacher (an empty page when there is no such listed teacher). */
  teacherId: recordIdField.optional(),
});
export type ListAvailabilityQuery = z.infer<typeof listAvailabilityQuerySchema>;
