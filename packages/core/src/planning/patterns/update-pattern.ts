import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { AppError, conflict, invalidField } from "../../kernel/errors";
import { outboxEmails } from "../../outbox";
import { assertMay, type Actor } from "../../policy";
import { keptLessons, seriesNotices } from "../series/series-notices";
import { resolveParties } from "../../scheduling";
import { addDays, weekdayOf, type LocalDate } from "../../kernel/time/wall-clock";
import { materialiseOccurrences, PatternChanged } from "./materialise-occurrences";
import { firstWeekdayOnOrAfter, nextOccurrence, occurrenceDates } from "./occurrences";
import { loadPatternFor } from "./pattern-access";
import { advancingSide, patternWrite } from "./pattern-progress";
import { toPattern, type LessonChanges, type Pattern, type PatternRecord } from "./pattern-view";
import { horizonOf, materialiseTo, occurrencesWithClosures, requireNotPast } from "./pattern-window";
import type { UpdatePatternInput } from "./schemas";

/** A pattern that still runs from a date: not continued by another, not ended before it. */
export function requireRunningFrom(pattern: PatternRecord, from: LocalDate): void {
  if (pattern.continuedBy) throw conflict("pattern.continued", `This pattern continues as pattern ${pattern.continuedBy} since an edit; change that one`);
  if (!pattern.isActive || (pattern.endDate && pattern.endDate < from)) {
    throw conflict(
      "pattern.ended",
      `The pattern has ended${pattern.endDate ? ` (its last date is ${pattern.endDate})` : ""}; create a new one instead`,
      "effectiveFrom",
    );
  }
}

/**
 * The pattern as it ends the day before `effectiveFrom` (continued by `continuedBy` when an edit
 * splits it): materialised no further than its new end, inactive once that end is past.
 */
export function endedBefore(pattern: PatternRecord, effectiveFrom: LocalDate, today: LocalDate, actorId: string, continuedBy?: string): PatternRecord {
  const endDate = addDays(effectiveFrom, -1);
  const through = pattern.materialisedThrough && pattern.materialisedThrough > endDate && endDate >= pattern.startDate ? endDate : pattern.materialisedThrough;
  return {
    ...pattern,
    endDate: pattern.endDate && pattern.endDate < endDate ? pattern.endDate : endDate,
    ...(through ? { materialisedThrough: through } : {}),
    ...(continuedBy ? { continuedBy } : {}),
    isActive: endDate >= today,
    // Families' calendars get the series again with its new end (a higher SEQUENCE).
    revision: (pattern.revision ?? 0) + 1,
    updatedBy: actorId,
  };
}

/** The dates of a pattern's materialised lessons on or after a date (what an edit or an end may remove). */
export const materialisedFrom = (pattern: PatternRecord, from: LocalDate) =>
  pattern.materialisedThrough && pattern.materialisedThrough >= from
    ? occurrenceDates({ frequency: pattern.frequency, startDate: pattern.startDate }, from, pattern.materialisedThrough)
    : [];

/** The changed series' first date: given, or the first new weekday, or the old series' next date. */
function firstDateOf(old: PatternRecord, input: UpdatePatternInput, effectiveFrom: LocalDate): LocalDate {
  if (input.startDate) {
    if (input.startDate < effectiveFrom) throw invalidField("startDate", `must be on or after effectiveFrom (${effectiveFrom})`);
    return input.dayOfWeek ? firstWeekdayOnOrAfter(input.startDate, input.dayOfWeek) : input.startDate;
  }
  if (input.dayOfWeek && input.dayOfWeek !== old.dayOfWeek) return firstWeekdayOnOrAfter(effectiveFrom, input.dayOfWeek);
  return nextOccurrence({ frequency: old.frequency, startDate: old.startDate }, effectiveFrom)!;
}

const keepOrClear = <T>(value: T | null | undefined, old: T | undefined) => (value === null ? undefined : (value ?? old));

/**
 * Edits a pattern "from date X" (`effectiveFrom`, today or later; default today): the pattern
 * ends the day before and a continuing pattern (`continues` / `continuedBy`) takes the changes.
 * The old pattern's lessons on or after X that are still scheduled, untouched by hand and not yet
 * started are removed (lesson, attendees, reminder, day-schedule slots); the new pattern's lessons
 * are made up to the horizon, except on dates where a lesson edited by hand was kept. Everything is
 * planned first: a conflict is a 409 naming the lesson and date before anything is written; then
 * it commits in chunks of at most 100 items. Admins, and the pattern's teacher (with their own students).
 *
 * Families' calendars (iTIP, RFC 5546): the old series is sent again ending the day before X
 * (RRULE UNTIL, SEQUENCE + 1) and the continuing pattern is a new series with its own UID, each in
 * its own email. A RECURRENCE-ID with RANGE=THISANDFUTURE would say the same in one message, but
 * Google and Outlook ignore that range, and the changed series is a pattern of its own here (own
 * id, lessons, later edits and end), so its own UID keeps every later invitation simple.
 */
export async function updatePattern(actor: Actor, studioId: string, patternId: string, input: UpdatePatternInput): Promise<Pattern & LessonChanges> {
  const { member, studio, pattern: old, settings } = await loadPatternFor(actor, studioId, patternId);
  // Admins and its teacher (the new teacher and students of an edit are checked like a lesson's, by resolveParties).
  assertMay(member, "pattern.change", old);
  const now = new Date();
  const { today, horizonEnd } = horizonOf(now, studio.timeZone, settings);
  const effectiveFrom = input.effectiveFrom ?? today;
  requireNotPast("effectiveFrom", effectiveFrom, today);
  requireRunningFrom(old, effectiveFrom);

  const who = input.studentId
    ? { studentId: input.studentId }
    : input.bandId
      ? { bandId: input.bandId }
      : old.studentId
        ? { studentId: old.studentId }
        : { bandId: old.bandId! };
  const type = input.type ?? old.type;
  if ("bandId" in who && type === "private") throw invalidField("type", "a band lesson is group, ensemble or online");
  const parties = await resolveParties(studioId, member, { teacherId: input.teacherId ?? old.teacherId, ...who });
  const startDate = firstDateOf(old, input, effectiveFrom);
  const endDate = keepOrClear(input.endDate, old.endDate);
  if (endDate && endDate < startDate) throw invalidField("endDate", `must be on or after the changed series' first date (${startDate})`);

  const at = now.toISOString();
  const place = {
    title: keepOrClear(input.title, old.title),
    location: keepOrClear(input.location, old.location),
    roomName: keepOrClear(input.roomName, old.roomName),
    onlineUrl: keepOrClear(input.onlineUrl, old.onlineUrl),
  };
  const next: PatternRecord = {
    studioId,
    patternId: uuidv7(),
    teacherId: parties.teacher.teacherId,
    ...who,
    studentIds: parties.studentIds,
    type,
    frequency: input.frequency ?? old.frequency,
    dayOfWeek: weekdayOf(startDate),
    startTime: input.startTime ?? old.startTime,
    durationMinutes: input.durationMinutes ?? old.durationMinutes,
    startDate,
    ...(endDate ? { endDate } : {}),
    ...Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined)),
    isActive: true,
    skipped: [],
    continues: old.patternId,
    version: 1,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  };
  const ended = endedBefore(old, effectiveFrom, today, actor.userId, next.patternId);

  const to = materialiseTo(next, horizonEnd);
  const removable = materialisedFrom(old, effectiveFrom);
  // The old pattern's lessons changed by hand stay (materialiseOccurrences skips their dates): the new series leaves them out.
  const kept = await keptLessons(old, removable, now);
  const [{ dates, closures }, endNotices, newNotices] = await Promise.all([
    occurrencesWithClosures(next, startDate, to),
    seriesNotices(studio, { ...ended, updatedAt: at }, "ended", { continued: true, kept }),
    seriesNotices(studio, next, "changed", { excluded: kept.map((l) => l.occurrenceDate!) }),
  ]);
  const notices = [...endNotices, ...newNotices];
  const { side, state } = advancingSide({
    actorId: actor.userId,
    record: next,
    stored: undefined,
    to,
    today,
    firstAction: "recurringPattern.created",
    extra: {
      count: 2 + notices.length,
      writes: (tx) => [
        patternWrite(tx, { ...ended, version: old.version + 1 }, old),
        recordAudit(tx, {
          studioId,
          actorId: actor.userId,
          action: "recurringPattern.split",
          entityType: "recurringPattern",
          entityId: old.patternId,
          before: old,
          after: ended,
        }),
        ...outboxEmails(tx, notices),
      ],
    },
  });
  try {
    const outcome = await materialiseOccurrences(
      {
        studioId,
        timeZone: studio.timeZone,
        settings,
        now,
        actorId: actor.userId,
        onConflict: "throw",
        add: { pattern: next, parties, dates, closures },
        remove: { pattern: old, dates: removable },
      },
      side,
    );
    return { ...toPattern(state.record, studio.timeZone), lessonsCreated: outcome.created.length, lessonsRemoved: outcome.removed.length };
  } catch (error) {
    if (error instanceof PatternChanged) throw new AppError("pattern.changed", error.message);
    throw error;
  }
}
