import { v7 as uuidv7 } from "uuid";
import { AppError, invalidField } from "../../kernel/errors";
import { outboxEmails } from "../../outbox";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { seriesNotices } from "../series/series-notices";
import { resolveParties, schedulingSettingsRead, withDefaults } from "../../scheduling";
import { weekdayOf } from "../../kernel/time/wall-clock";
import { materialiseOccurrences, PatternChanged } from "./materialise-occurrences";
import { firstWeekdayOnOrAfter } from "./occurrences";
import { advancingSide } from "./pattern-progress";
import { toPattern, type LessonChanges, type Pattern, type PatternRecord } from "./pattern-view";
import { horizonOf, materialiseTo, occurrencesWithClosures, requireNotPast } from "./pattern-window";
import type { CreatePatternInput } from "./schemas";

/**
 * Creates a recurring pattern and, atomically with it, its lessons up to the studio's horizon
 * (default 12 weeks from today, local). The first date is `startDate` (today or later), or with
 * `dayOfWeek` the first such weekday on or after it. An occurrence that conflicts with another
 * lesson is a 409 naming that lesson and the date, and nothing is written; occurrences on studio
 * closures are skipped and listed in the pattern's `skipped`. Each family gets one email with the
 * whole series as a calendar invitation (RRULE, EXDATE for closures), enqueued with the first
 * chunk. (More than 100 transaction items — e.g. a band over a long horizon — commit in chunks
 * after the whole plan passed.)
 */
export async function createPattern(actor: Actor, studioId: string, input: CreatePatternInput): Promise<Pattern & LessonChanges> {
  const { member, studio, records } = await loadMemberWith(actor, studioId, schedulingSettingsRead(studioId));
  // Admins and teachers make patterns (a teacher: their own, with their own students: resolveParties).
  assertMay(member, "lesson.schedule");
  const settings = withDefaults(records[0]);
  const parties = await resolveParties(studioId, member, input);
  const now = new Date();
  const { today, horizonEnd } = horizonOf(now, studio.timeZone, settings);
  requireNotPast("startDate", input.startDate, today);
  const startDate = input.dayOfWeek ? firstWeekdayOnOrAfter(input.startDate, input.dayOfWeek) : input.startDate;
  if (input.endDate && input.endDate < startDate) throw invalidField("endDate", `must be on or after the first date (${startDate})`);

  const at = now.toISOString();
  const record: PatternRecord = {
    studioId,
    patternId: uuidv7(),
    teacherId: parties.teacher.teacherId,
    ...(input.studentId ? { studentId: input.studentId } : { bandId: input.bandId! }),
    studentIds: parties.studentIds,
    type: input.type,
    frequency: input.frequency,
    dayOfWeek: weekdayOf(startDate),
    startTime: input.startTime,
    durationMinutes: input.durationMinutes,
    startDate,
    ...(input.endDate ? { endDate: input.endDate } : {}),
    ...(input.title ? { title: input.title } : {}),
    ...(input.location ? { location: input.location } : {}),
    ...(input.roomName ? { roomName: input.roomName } : {}),
    ...(input.onlineUrl ? { onlineUrl: input.onlineUrl } : {}),
    isActive: true,
    skipped: [],
    version: 1,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  };

  const to = materialiseTo(record, horizonEnd);
  const [{ dates, closures }, notices] = await Promise.all([occurrencesWithClosures(record, startDate, to), seriesNotices(studio, record, "booked")]);
  const { side, state } = advancingSide({
    actorId: actor.userId,
    record,
    stored: undefined,
    to,
    today,
    firstAction: "recurringPattern.created",
    extra: { count: notices.length, writes: (tx) => outboxEmails(tx, notices) },
  });
  try {
    const outcome = await materialiseOccurrences(
      { studioId, timeZone: studio.timeZone, settings, now, actorId: actor.userId, add: { pattern: record, parties, dates, closures }, onConflict: "throw" },
      side,
    );
    return { ...toPattern(state.record, studio.timeZone), lessonsCreated: outcome.created.length, lessonsRemoved: 0 };
  } catch (error) {
    // A new id cannot exist already; keep the rule that a rejected pattern write is a 409.
    if (error instanceof PatternChanged) throw new AppError("pattern.changed", error.message);
    throw error;
  }
}
