import { invalidField } from "../../kernel/errors";
import { closuresBetween, type ClosureSpan, type SchedulingSettings } from "../../scheduling";
import { addDays, localParts, type LocalDate } from "../../kernel/time/wall-clock";
import { occurrenceDates } from "./occurrences";
import type { PatternRecord } from "./pattern-view";

/** Today in the studio's time zone, and the last date lessons are materialised up to (today + horizon). */
export function horizonOf(now: Date, timeZone: string, settings: Pick<SchedulingSettings, "horizonWeeks">) {
  const today = localParts(now, timeZone).date;
  return { today, horizonEnd: addDays(today, settings.horizonWeeks * 7) };
}

/** The last date to materialise a pattern through now: its end date or the horizon, whichever is first. */
export const materialiseTo = (pattern: Pick<PatternRecord, "endDate">, horizonEnd: LocalDate) =>
  pattern.endDate && pattern.endDate < horizonEnd ? pattern.endDate : horizonEnd;

/** A pattern's occurrences from a date through `to`, with the closures that may fall on them. */
export async function occurrencesWithClosures(
  pattern: PatternRecord,
  from: LocalDate,
  to: LocalDate,
): Promise<{ dates: LocalDate[]; closures: ClosureSpan[] }> {
  const dates = occurrenceDates(pattern, from, to);
  const closures = dates.length > 0 ? await closuresBetween(pattern.studioId, dates[0]!, dates[dates.length - 1]!) : [];
  return { dates, closures };
}

/** 422 unless a local date is today or later. */
export function requireNotPast(field: string, date: LocalDate, today: LocalDate): void {
  if (date < today) throw invalidField(field, `must be today (${today}) or later in the studio's time zone`);
}
