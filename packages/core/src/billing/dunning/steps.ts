import { addDays, type LocalDate } from "../../kernel/time/wall-clock";
import type { BillingSettings } from "../settings/defaults";

/** A dunning step: "before" (the due date is near), "due" (on the due date), "after-<days>" (overdue). */
export type DunningStepName = string;

export interface DunningStep {
  step: DunningStepName;
  /** Local date (studio time zone) the step falls on. */
  day: LocalDate;
}

export interface DunningDates {
  issueDate: LocalDate;
  dueDate: LocalDate;
}

type DunningSettings = Pick<BillingSettings, "dunning" | "lateFee">;

/** Days after the due date of an "after-<days>" step; undefined for "before" and "due". */
export function daysAfterDue(step: DunningStepName): number | undefined {
  const match = /^after-(\d+)$/.exec(step);
  return match ? Number(match[1]) : undefined;
}

/** Steps ordered by their distance to the due date, whatever the settings were when they were scheduled. */
const rank = (step: DunningStepName) => (step === "before" ? -1 : step === "due" ? 0 : (daysAfterDue(step) ?? Number.NaN));

/**
 * An invoice's dunning steps in order, from the studio's settings:
 * "before" on dueDate − daysBefore (when daysBefore > 0 and that day is after the issue date, so
 * it never repeats the invoice email), "due" on the due date (when onDueDate), then "after-N" for
 * each N of daysAfter. With a late fee configured and no reminder on or after its `afterDays`, an
 * "after-<afterDays>" step is added: the fee is applied at a reminder, so it always has one.
 */
export function dunningSteps(dates: DunningDates, settings: DunningSettings): DunningStep[] {
  const { daysBefore, onDueDate, daysAfter } = settings.dunning;
  const steps: DunningStep[] = [];
  if (daysBefore > 0) {
    const day = addDays(dates.dueDate, -daysBefore);
    if (day > dates.issueDate) steps.push({ step: "before", day });
  }
  if (onDueDate) steps.push({ step: "due", day: dates.dueDate });
  const after = new Set(daysAfter.filter((n) => Number.isInteger(n) && n > 0));
  const lateFeeDays = settings.lateFee?.afterDays;
  if (lateFeeDays !== undefined && lateFeeDays > 0 && ![...after].some((n) => n >= lateFeeDays)) after.add(lateFeeDays);
  for (const n of [...after].sort((a, b) => a - b)) steps.push({ step: `after-${n}`, day: addDays(dates.dueDate, n) });
  return steps;
}

/**
 * The step an open invoice's reminders continue with: the first of its `dunningSteps` that comes
 * after `after` (the step just done), falls on or after `from` (default: the issue date; use the
 * studio's local today when (re)scheduling later, e.g. after a refund re-opens the invoice), and
 * is not among the steps already done (`invoice.dunningSteps`). Null when no step is left.
 */
export function nextDunningStep(
  invoice: DunningDates & { dunningSteps?: readonly string[] | null },
  settings: DunningSettings,
  options: { after?: DunningStepName; from?: LocalDate } = {},
): DunningStep | null {
  const done = new Set(invoice.dunningSteps ?? []);
  const from = options.from ?? invoice.issueDate;
  const afterRank = options.after === undefined ? Number.NEGATIVE_INFINITY : rank(options.after);
  return dunningSteps(invoice, settings).find((s) => !done.has(s.step) && s.day >= from && rank(s.step) > afterRank) ?? null;
}

/**
 * The step to perform when the job reaches a pending step late (the job was down, or the
 * studio's settings changed): the latest step due by `today` from the pending one on, so a
 * family gets one up-to-date reminder rather than a burst of stale ones. Null when the pending
 * step is not due yet.
 */
export function dueDunningStep(
  invoice: DunningDates & { dunningSteps?: readonly string[] | null },
  settings: DunningSettings,
  pending: DunningStep,
  today: LocalDate,
): DunningStep | null {
  if (pending.day > today) return null;
  const done = new Set(invoice.dunningSteps ?? []);
  const pendingRank = rank(pending.step);
  const candidates = dunningSteps(invoice, settings).filter((s) => !done.has(s.step) && s.day <= today && rank(s.step) >= pendingRank);
  return candidates.at(-1) ?? (done.has(pending.step) ? null : pending);
}
