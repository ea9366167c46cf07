import { z } from "zod";

/**
 * The one validator per kind of calendar value a client sends. Each refuses values that do not
 * exist (2027-02-30, 31 November, 25:00) instead of letting `Date` roll them over, and years
 * outside a sane range, so nothing downstream (billing periods, email dates, ISO formatting of
 * years below 1000) meets a date it cannot handle.
 *
 * Ranges (inclusive, by the year as written):
 * - instants, local dates and months of lessons, billing, goals, logs: 2000–2100;
 * - a person's dates (date of birth, enrollment): 1900–2100.
 */
export interface YearRange {
  min: number;
  max: number;
}
export const SCHEDULE_YEARS: YearRange = { min: 2000, max: 2100 };
export const PERSON_YEARS: YearRange = { min: 1900, max: 2100 };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whether year-month-day is a day of the proleptic Gregorian calendar (no 30 February). */
export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const inRange = (year: number, range: YearRange) => year >= range.min && year <= range.max;
const yearMessage = (range: YearRange) => `must be in the years ${range.min}–${range.max}`;

/** "YYYY-MM-DD" that exists and lies in `range`; null when fine, else the reason. */
export function localDateProblem(value: string, range: YearRange = SCHEDULE_YEARS): string | null {
  const m = DATE.exec(value);
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) return "must be a real date YYYY-MM-DD";
  return inRange(Number(m[1]), range) ? null : yearMessage(range);
}

/** "YYYY-MM" in `range`; null when fine, else the reason. */
export function monthProblem(value: string, range: YearRange = SCHEDULE_YEARS): string | null {
  const m = MONTH.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return "must be a month YYYY-MM";
  return inRange(Number(m[1]), range) ? null : yearMessage(range);
}

/** ISO 8601 date-time with `Z` or an offset, every part real; null when fine, else the reason. */
export function instantProblem(value: string, range: YearRange = SCHEDULE_YEARS): string | null {
  const m = INSTANT.exec(value);
  const [, y, mo, d, h, mi, s, , oh, om] = m ?? [];
  const real =
    m &&
    isRealDay(Number(y), Number(mo), Number(d)) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s ?? 0) <= 59 &&
    Number(oh ?? 0) <= 23 &&
    Number(om ?? 0) <= 59;
  if (!real) return "must be an ISO 8601 date-time with a time zone offset, e.g. 2026-11-23T16:00:00Z";
  return inRange(Number(y), range) ? null : yearMessage(range);
}

/** "HH:MM" on a 24-hour clock; `allowMidnightEnd` also takes "24:00" (the end of a day). */
export function localTimeProblem(value: string, allowMidnightEnd = false): string | null {
  const m = TIME.exec(value);
  if (allowMidnightEnd && value === "24:00") return null;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return `must be a time HH:MM (00:00–${allowMidnightEnd ? "24:00" : "23:59"})`;
  return null;
}

const checked = (problemOf: (value: string) => string | null, maxLength: number) =>
  z
    .string({ invalid_type_error: "must be text" })
    .max(maxLength, `must be at most ${maxLength} characters`)
    .superRefine((value, ctx) => {
      if (value.length > maxLength) return;
      const message = problemOf(value);
      if (message) ctx.addIssue({ code: "custom", message });
    });

/** An instant ("2026-11-23T16:00:00-05:00" or "…Z"), normalised to UTC ISO ("…T21:00:00.000Z"). */
export const instantField = checked((v) => instantProblem(v), 40).transform((value) => new Date(value).toISOString());

/** A local date "YYYY-MM-DD" (a lesson's, an invoice's, a log's) in the studio's time zone. */
export const localDateField = checked((v) => localDateProblem(v), 10);

/** A date in a person's life (birth, enrollment): wider years than the schedule's. */
export const personDateField = checked((v) => localDateProblem(v, PERSON_YEARS), 10);

/** A calendar month "YYYY-MM". */
export const monthField = checked((v) => monthProblem(v), 7);

/** A local time "HH:MM" (24 h) in the studio's time zone. */
export const localTimeField = checked((v) => localTimeProblem(v), 5);

/** A local time that ends a span: "HH:MM" or "24:00" (midnight at the end of the day). */
export const localEndTimeField = checked((v) => localTimeProblem(v, true), 5);
