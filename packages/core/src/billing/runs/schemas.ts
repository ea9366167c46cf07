import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { localDateField, monthField } from "../../kernel/fields/calendar-fields";
import { addDays, addMonths, daysBetween } from "../../kernel/time/wall-clock";

/** The longest period one billing run covers, in local dates (inclusive). */
export const MAX_RUN_DAYS = 366;

/** "2026-12" → the month's first and last local dates. */
export function monthPeriod(month: string): { periodStart: string; periodEnd: string } {
  const periodStart = `${month}-01`;
  return { periodStart, periodEnd: addDays(addMonths(periodStart, 1), -1) };
}

/**
 * A billing run's period: local dates (studio time zone), inclusive, given either as
 * `{periodStart, periodEnd}` or as a calendar month `{month: "2026-12"}`.
 */
export const startBillingRunSchema = z
  .object({
    periodStart: localDateField.optional(),
    periodEnd: localDateField.optional(),
    month: monthField.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const hasDates = value.periodStart !== undefined || value.periodEnd !== undefined;
    if (value.month !== undefined) {
      if (hasDates) ctx.addIssue({ code: "custom", path: ["month"], message: "must not be given with periodStart and periodEnd" });
      return;
    }
    if (value.periodStart === undefined) ctx.addIssue({ code: "custom", path: ["periodStart"], message: "is required (or give month)" });
    if (value.periodEnd === undefined) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "is required (or give month)" });
    if (!value.periodStart || !value.periodEnd) return;
    if (!localDateField.safeParse(value.periodStart).success || !localDateField.safeParse(value.periodEnd).success) return;
    if (value.periodEnd < value.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "must be on or after periodStart" });
    else if (daysBetween(value.periodStart, value.periodEnd) >= MAX_RUN_DAYS) {
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: `must be at most ${MAX_RUN_DAYS - 1} days after periodStart` });
    }
  })
  .transform((value) => (value.month ? monthPeriod(value.month) : { periodStart: value.periodStart!, periodEnd: value.periodEnd! }));
export type StartBillingRunInput = z.infer<typeof startBillingRunSchema>;

export const listBillingRunsQuerySchema = pageQuerySchema;
export type ListBillingRunsQuery = z.infer<typeof listBillingRunsQuerySchema>;
