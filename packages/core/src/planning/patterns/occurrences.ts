import { addDays, daysBetween, weekdayOf, zonedInstant, type LocalDate, type LocalTime } from "../../kernel/time/wall-clock";
import type { Frequency } from "./recurring-pattern.entity";

/** When a pattern recurs: its frequency, first date (whose weekday is the pattern's day) and optional last date. */
export interface Recurrence {
  frequency: Frequency;
  startDate: LocalDate;
  endDate?: LocalDate;
}

/** Which of its month's weekdays a date is: 1 for the first Tuesday … 5 for the fifth. */
export const ordinalInMonth = (date: LocalDate) => Math.ceil(Number(date.slice(8, 10)) / 7);

/**
 * The date of the `ordinal`-th `weekday` in the month of `monthDate`; ordinal 5 means the last one
 * (a month has four or five of each weekday).
 */
export function nthWeekdayOfMonth(monthDate: LocalDate, weekday: number, ordinal: number): LocalDate {
  const first = `${monthDate.slice(0, 7)}-01`;
  const firstMatch = addDays(first, (weekday - weekdayOf(first) + 7) % 7);
  if (ordinal <= 4) return addDays(firstMatch, (ordinal - 1) * 7);
  let last = addDays(firstMatch, 28);
  if (last.slice(0, 7) !== first.slice(0, 7)) last = addDays(last, -7);
  return last;
}

/** The first day of the month `months` after a date's month. */
const monthAfter = (date: LocalDate, months: number) => {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
};

/**
 * The local dates a pattern happens on within [from, to] (inclusive), oldest first: every 7 or
 * 14 days from `startDate`, or monthly on the same ordinal weekday as `startDate` (its 2nd
 * Tuesday; when `startDate` is the month's 5th such weekday, the last one of each month).
 * Nothing before `startDate` or after `endDate`.
 */
export function occurrenceDates(recurrence: Recurrence, from: LocalDate, to: LocalDate): LocalDate[] {
  const first = from > recurrence.startDate ? from : recurrence.startDate;
  const last = recurrence.endDate && recurrence.endDate < to ? recurrence.endDate : to;
  if (first > last) return [];
  const dates: LocalDate[] = [];
  if (recurrence.frequency === "monthly") {
    const weekday = weekdayOf(recurrence.startDate);
    const ordinal = ordinalInMonth(recurrence.startDate);
    for (let month = 0; ; month++) {
      const monthStart = monthAfter(recurrence.startDate, month);
      if (monthStart > last) break;
      const date = nthWeekdayOfMonth(monthStart, weekday, ordinal);
      if (date >= first && date <= last) dates.push(date);
    }
    return dates;
  }
  const step = recurrence.frequency === "weekly" ? 7 : 14;
  const skipped = Math.max(0, Math.ceil(daysBetween(recurrence.startDate, first) / step));
  for (let date = addDays(recurrence.startDate, skipped * step); date <= last; date = addDays(date, step)) dates.push(date);
  return dates;
}

/** The pattern's first occurrence on or after a date, if it has one. */
export function nextOccurrence(recurrence: Recurrence, onOrAfter: LocalDate): LocalDate | undefined {
  // Every frequency recurs within 5 weeks (monthly: at most 35 days between two occurrences).
  const from = onOrAfter > recurrence.startDate ? onOrAfter : recurrence.startDate;
  return occurrenceDates(recurrence, from, addDays(from, 42))[0];
}

/** The first date on or after `date` that falls on an ISO weekday (1 = Monday … 7 = Sunday). */
export const firstWeekdayOnOrAfter = (date: LocalDate, weekday: number) => addDays(date, (weekday - weekdayOf(date) + 7) % 7);

/**
 * An occurrence's instants: the local date at `startTime` in the studio's time zone (so 16:00
 * stays 16:00 local across DST changes; a time inside a spring-forward gap moves forward by the
 * gap, see zonedInstant), lasting `durationMinutes` of real time.
 */
export function occurrenceInstants(date: LocalDate, startTime: LocalTime, durationMinutes: number, timeZone: string) {
  const start = zonedInstant(date, startTime, timeZone);
  return { start: start.toISOString(), end: new Date(start.getTime() + durationMinutes * 60_000).toISOString() };
}
