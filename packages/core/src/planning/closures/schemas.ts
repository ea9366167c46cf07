import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { localDateField } from "../../scheduling";
import { daysBetween } from "../../kernel/time/wall-clock";

/** The longest closure, in local dates (inclusive). */
export const MAX_CLOSURE_DAYS = 366;

export const createClosureSchema = z
  .object({
    /** First closed local date (studio time zone). */
    startDate: localDateField,
    /** Last closed local date, inclusive. */
    endDate: localDateField,
    reason: z
      .string({ required_error: "is required", invalid_type_error: "must be text" })
      .trim()
      .min(1, "must not be empty")
      .max(200, "must be at most 200 characters"),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!localDateField.safeParse(value.startDate).success || !localDateField.safeParse(value.endDate).success) return;
    if (value.endDate < value.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "must be on or after startDate" });
    else if (daysBetween(value.startDate, value.endDate) >= MAX_CLOSURE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: `must be at most ${MAX_CLOSURE_DAYS - 1} days after startDate` });
    }
  });
export type CreateClosureInput = z.infer<typeof createClosureSchema>;

export const listClosuresQuerySchema = pageQuerySchema.extend({
  /** Closures ending on or after this local date; today (studio time zone) by default. */
  from: localDateField.optional(),
});
export type ListClosuresQuery = z.infer<typeof listClosuresQuerySchema>;

/** `GET …/closures/preview?startDate=&endDate=`: the dates of a closure not yet added. */
export const previewClosureQuerySchema = z.object({ startDate: localDateField, endDate: localDateField }).superRefine((value, ctx) => {
  if (!localDateField.safeParse(value.startDate).success || !localDateField.safeParse(value.endDate).success) return;
  if (value.endDate < value.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "must be on or after startDate" });
  else if (daysBetween(value.startDate, value.endDate) >= MAX_CLOSURE_DAYS) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: `must be at most ${MAX_CLOSURE_DAYS - 1} days after startDate` });
  }
});
export type PreviewClosureQuery = z.infer<typeof previewClosureQuerySchema>;
