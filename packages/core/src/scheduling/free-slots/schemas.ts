import { z } from "zod";
import { recordIdField } from "../../people";
import { localDateField } from "../fields";
import { daysBetween } from "../../kernel/time/wall-clock";

/** The longest range one search covers, in local dates (inclusive). */
export const MAX_SEARCH_DAYS = 31;

const wholeMinutes = (min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

export const freeSlotQuerySchema = z
  .object({
    teacherId: recordIdField,
    /** First local date searched (studio time zone). */
    from: localDateField,
    /** Last local date searched, inclusive; at most 31 dates from `from`. */
    to: localDateField,
    /** The lesson's length. */
    durationMinutes: wholeMinutes(5, 480),
    /** Slots start every `stepMinutes` from the start of each working range. */
    stepMinutes: wholeMinutes(5, 240).default(15),
    /** Also keep clear of this student's lessons. */
    studentId: recordIdField.optional(),
  })
  .superRefine((query, ctx) => {
    // A bad date is already reported on its own field.
    if (!localDateField.safeParse(query.from).success || !localDateField.safeParse(query.to).success) return;
    if (query.to < query.from) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: "must be on or after from" });
    else if (daysBetween(query.from, query.to) >= MAX_SEARCH_DAYS) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: `must be at most ${MAX_SEARCH_DAYS - 1} days after from` });
    }
  });
export type FreeSlotQuery = z.infer<typeof freeSlotQuerySchema>;
/** What callers pass (stepMinutes may be left out). */
export type FreeSlotSearch = z.input<typeof freeSlotQuerySchema>;
