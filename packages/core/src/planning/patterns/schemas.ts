import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { booleanQueryField, recordIdField, text } from "../../people";
import { durationMinutesField, localDateField, localTimeField, onlineUrlField } from "../../scheduling";
import { LESSON_TYPES } from "../../scheduling/module";
import { FREQUENCIES } from "./recurring-pattern.entity";

const enumField = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(", ")}` }) });
const clearableText = (max: number) => text(max).min(1, "must not be empty").nullable();
const dayOfWeekField = z
  .number({ invalid_type_error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be 1 (Monday) to 7 (Sunday)")
  .max(7, "must be 1 (Monday) to 7 (Sunday)");

/** What a pattern books and where; `null` clears a field on PATCH. */
const patternFields = {
  teacherId: recordIdField,
  studentId: recordIdField,
  bandId: recordIdField,
  type: enumField(LESSON_TYPES),
  frequency: enumField(FREQUENCIES),
  /**
   * The first date. Its weekday is the pattern's day (and, monthly, its ordinal: the 2nd Tuesday),
   * unless `dayOfWeek` is given: then the pattern starts on the first such weekday on or after it.
   */
  startDate: localDateField,
  dayOfWeek: dayOfWeekField,
  startTime: localTimeField,
  durationMinutes: durationMinutesField,
  endDate: localDateField.nullable(),
  title: clearableText(120),
  location: clearableText(200),
  roomName: clearableText(80),
  onlineUrl: onlineUrlField.nullable(),
};

type Parties = { studentId?: string; bandId?: string; type?: string };
function checkParties(value: Parties, ctx: z.RefinementCtx, required: boolean) {
  if (value.studentId && value.bandId) ctx.addIssue({ code: "custom", path: ["studentId"], message: "give either studentId or bandId" });
  else if (required && !value.studentId && !value.bandId) ctx.addIssue({ code: "custom", path: ["studentId"], message: "give either studentId or bandId" });
  if (value.bandId && value.type === "private") ctx.addIssue({ code: "custom", path: ["type"], message: "a band lesson is group, ensemble or online" });
}

export const createPatternSchema = z
  .object(patternFields)
  .partial({ studentId: true, bandId: true, dayOfWeek: true, endDate: true, title: true, location: true, roomName: true, onlineUrl: true })
  .extend({ type: patternFields.type.default("private") })
  .strict()
  .superRefine((value, ctx) => {
    checkParties(value, ctx, true);
    if (value.endDate && value.endDate < value.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "must be on or after startDate" });
  });
export type CreatePatternInput = z.infer<typeof createPatternSchema>;

/**
 * An edit "from date X": the fields to change, and `effectiveFrom` (a local date, today or later;
 * default today). Lessons before it, and lessons edited or cancelled by hand, are left as they are.
 * `startDate` here is the first date of the changed series (on or after `effectiveFrom`).
 */
export const updatePatternSchema = z
  .object({ ...patternFields, effectiveFrom: localDateField })
  .partial()
  .strict()
  .superRefine((value, ctx) => {
    if (value.studentId && value.bandId) ctx.addIssue({ code: "custom", path: ["studentId"], message: "give either studentId or bandId" });
    if (value.effectiveFrom && value.startDate && value.startDate < value.effectiveFrom) {
      ctx.addIssue({ code: "custom", path: ["startDate"], message: "must be on or after effectiveFrom" });
    }
  });
export type UpdatePatternInput = z.infer<typeof updatePatternSchema>;

/** Ends a pattern: no lessons on or after `effectiveFrom` (a local date, today or later; default today). */
export const endPatternSchema = z.object({ effectiveFrom: localDateField.optional() }).strict();
export type EndPatternInput = z.infer<typeof endPatternSchema>;

export const listPatternsQuerySchema = pageQuerySchema.extend({
  teacherId: recordIdField.optional(),
  /** Patterns this student attends (their own or their band's). */
  studentId: recordIdField.optional(),
  /** Still running (not ended, not past its end date) or not. */
  active: booleanQueryField.optional(),
});
export type ListPatternsQuery = z.infer<typeof listPatternsQuerySchema>;

export { checkParties };
