import type { RenderedEmail } from "../../email";
import { inviteNames, lessonEvent, organizerOf, renderInvite, seriesUid, utcStamp, zonedLine, type InviteStudio, type LessonPeople } from "../../scheduling";
import type { LessonRecord } from "../../scheduling/module";
import { occurrenceDates, occurrenceInstants, ordinalInMonth } from "../patterns/occurrences";
import { occurrenceLesson } from "../patterns/pattern-lessons";
import type { PatternRecord } from "../patterns/pattern-view";
import type { LocalDate } from "../../kernel/time/wall-clock";

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** The dates a pattern happens on, first to last (none when it ended before its first date). */
export const seriesDates = (pattern: Pick<PatternRecord, "frequency" | "startDate" | "endDate">, to: LocalDate) =>
  occurrenceDates(pattern, pattern.startDate, to);

/** The start of the pattern's occurrence on a date. */
export const occurrenceStartOn = (pattern: Pick<PatternRecord, "startTime" | "durationMinutes">, date: LocalDate, timeZone: string) =>
  occurrenceInstants(date, pattern.startTime, pattern.durationMinutes, timeZone).start;

/** The pattern's last occurrence (by its end date), if it has an end. */
export function lastOccurrence(pattern: Pick<PatternRecord, "frequency" | "startDate" | "endDate">): LocalDate | undefined {
  if (!pattern.endDate) return undefined;
  return seriesDates(pattern, pattern.endDate).pop();
}

/**
 * The RRULE of a pattern (occurrences.ts): weekly or every other week on its weekday, or monthly
 * on the same weekday of the month (`2TU`; the 5th is "the last one": `-1TU`), until the start of
 * its last occurrence (UTC, as RFC 5545 asks when DTSTART has a TZID).
 */
export function seriesRule(
  pattern: Pick<PatternRecord, "frequency" | "startDate" | "endDate" | "dayOfWeek" | "startTime" | "durationMinutes">,
  timeZone: string,
): string {
  const day = BYDAY[pattern.dayOfWeek - 1]!;
  const ordinal = ordinalInMonth(pattern.startDate);
  const rule = {
    weekly: `FREQ=WEEKLY;BYDAY=${day}`,
    biweekly: `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day};WKST=MO`,
    monthly: `FREQ=MONTHLY;BYDAY=${ordinal === 5 ? -1 : ordinal}${day}`,
  }[pattern.frequency];
  const last = lastOccurrence(pattern);
  return `RRULE:${rule}${last ? `;UNTIL=${utcStamp(occurrenceStartOn(pattern, last, timeZone))}` : ""}`;
}

/** What else the calendar must know of a series: dates without a lesson (closures, conflicts, cancellations) and moved occurrences. */
export interface SeriesChanges {
  excluded: LocalDate[];
  moved: LessonRecord[];
  /** Lessons changed by hand that stay after the series' (new) end: added back (RDATE) as occurrences of their own. */
  kept?: LessonRecord[];
}

/**
 * The calendar invitation of a pattern's whole series for one recipient: one VEVENT with the
 * series' UID, DTSTART/DTEND of the first occurrence in the studio's zone (TZID + VTIMEZONE, so
 * 16:00 stays 16:00 across DST changes), the RRULE, EXDATE (same TZID) for dates without a lesson
 * and SEQUENCE = the pattern's revision; moved occurrences follow as VEVENTs with their
 * RECURRENCE-ID, and lessons kept after an end are added back (RDATE) the same way. CANCEL removes the whole series (a pattern ended before its first date).
 */
export function seriesInvite(
  studio: InviteStudio,
  pattern: PatternRecord,
  people: Pick<LessonPeople, "students" | "teachers">,
  method: "REQUEST" | "CANCEL",
  attendee: { name: string; email: string },
  changes: SeriesChanges,
): NonNullable<RenderedEmail["calendar"]> {
  const names = inviteNames(people);
  const first = occurrenceLesson(pattern, pattern, pattern.startDate, {
    timeZone: studio.timeZone,
    actorId: pattern.updatedBy ?? "",
    now: new Date(pattern.updatedAt),
  });
  const uid = seriesUid(pattern.patternId);
  const event = { ...lessonEvent(first, names), uid, sequence: pattern.revision ?? 0, revisedAt: pattern.updatedAt, createdAt: pattern.createdAt };
  const excluded = [...new Set(changes.excluded)].sort().map((date) => occurrenceStartOn(pattern, date, studio.timeZone));
  const kept = (changes.kept ?? []).filter((lesson) => lesson.status !== "cancelled" && lesson.occurrenceStart);
  const lines = [
    seriesRule(pattern, studio.timeZone),
    ...(excluded.length > 0 ? [zonedLine("EXDATE", excluded, studio.timeZone)] : []),
    ...(kept.length > 0
      ? [
          zonedLine(
            "RDATE",
            kept.map((lesson) => lesson.occurrenceStart!),
            studio.timeZone,
          ),
        ]
      : []),
  ];
  const overrides = [...changes.moved, ...kept]
    .filter((lesson) => lesson.occurrenceStart)
    .map((lesson) => ({ event: { ...lessonEvent(lesson, names), uid }, lines: [zonedLine("RECURRENCE-ID", [lesson.occurrenceStart!], studio.timeZone)] }));
  const last = lastOccurrence(pattern);
  const until = last ? occurrenceInstants(last, pattern.startTime, pattern.durationMinutes, studio.timeZone).end : null;
  const ics = renderInvite({ method, timeZone: studio.timeZone, event, lines, overrides, until, organizer: organizerOf(studio), attendee });
  return { method, ics };
}
