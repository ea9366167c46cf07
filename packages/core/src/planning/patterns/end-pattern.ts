import { recordAudit } from "../../audit";
import { AppError } from "../../kernel/errors";
import { outboxEmails } from "../../outbox";
import { assertMay, type Actor } from "../../policy";
import { keptLessons, seriesNotices } from "../series/series-notices";
import { materialiseOccurrences, PatternChanged, type PatternSide } from "./materialise-occurrences";
import { loadPatternFor } from "./pattern-access";
import { patternWrite } from "./pattern-progress";
import { toPattern, type LessonChanges, type Pattern, type PatternRecord } from "./pattern-view";
import { horizonOf, requireNotPast } from "./pattern-window";
import type { EndPatternInput } from "./schemas";
import { endedBefore, materialisedFrom, requireRunningFrom } from "./update-pattern";

/**
 * Ends a pattern: no lessons on or after `effectiveFrom` (today or later; default today). Its
 * lessons from then on that are still scheduled, untouched by hand and not yet started are removed
 * (lesson, attendees, reminder, day-schedule slots), in chunks of at most 100 items with the
 * pattern's new end date written in the first. Lessons edited or cancelled by hand stay.
 * The pattern itself stays on record (inactive once its end date is past). Families get the
 * series again with its new end (RRULE UNTIL, SEQUENCE + 1; a CANCEL of the whole series when it
 * ends before its first lesson), enqueued with the first chunk.
 */
export async function endPattern(actor: Actor, studioId: string, patternId: string, input: EndPatternInput): Promise<Pattern & LessonChanges> {
  const { member, studio, pattern, settings } = await loadPatternFor(actor, studioId, patternId);
  assertMay(member, "pattern.change", pattern);
  const now = new Date();
  const { today } = horizonOf(now, studio.timeZone, settings);
  const effectiveFrom = input.effectiveFrom ?? today;
  requireNotPast("effectiveFrom", effectiveFrom, today);
  requireRunningFrom(pattern, effectiveFrom);

  const ended = endedBefore(pattern, effectiveFrom, today, actor.userId);
  const removable = materialisedFrom(pattern, effectiveFrom);
  const kept = await keptLessons(pattern, removable, now);
  const notices = await seriesNotices(studio, { ...ended, updatedAt: now.toISOString() }, "ended", { kept });
  const state = { stored: pattern };
  let pending: PatternRecord | undefined;
  const side: PatternSide = {
    itemCount: 2 + notices.length,
    writes(tx, progress) {
      const base = progress.index === 0 ? ended : state.stored;
      pending = { ...base, version: state.stored.version + 1 };
      return [
        patternWrite(tx, pending, state.stored),
        recordAudit(tx, {
          studioId,
          actorId: actor.userId,
          action: progress.index === 0 ? "recurringPattern.ended" : "recurringPattern.lessons_removed",
          entityType: "recurringPattern",
          entityId: patternId,
          before: state.stored,
          after: { ...pending, lessonsRemoved: progress.removed.map((l) => l.lessonId) },
        }),
        ...(progress.index === 0 ? outboxEmails(tx, notices) : []),
      ];
    },
    committed() {
      state.stored = pending!;
    },
  };
  try {
    const outcome = await materialiseOccurrences(
      { studioId, timeZone: studio.timeZone, settings, now, actorId: actor.userId, onConflict: "skip", remove: { pattern, dates: removable } },
      side,
    );
    return { ...toPattern(state.stored, studio.timeZone), lessonsCreated: 0, lessonsRemoved: outcome.removed.length };
  } catch (error) {
    if (error instanceof PatternChanged) throw new AppError("pattern.changed", error.message);
    throw error;
  }
}
