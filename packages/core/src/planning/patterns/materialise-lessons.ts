import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import type { StudioRecord } from "../../studios/module";
import { closuresBetween, schedulingSettingsRead, withDefaults, type ClosureSpan, type LessonParties, type SchedulingSettings } from "../../scheduling";
import { planningDb } from "../planning-db";
import { addDays, type LocalDate } from "../../kernel/time/wall-clock";
import { materialiseOccurrences, PatternChanged } from "./materialise-occurrences";
import { occurrenceDates } from "./occurrences";
import { partiesForPatterns } from "./pattern-parties";
import { advancingSide, patternWrite } from "./pattern-progress";
import { withSkipped, type PatternRecord } from "./pattern-view";
import { horizonOf, materialiseTo } from "./pattern-window";

/** Who the job's writes are recorded as (audit events, lessons' createdBy). */
export const MATERIALISE_ACTOR = "job:materialise-lessons";

export interface MaterialiseSummary {
  /** Active patterns read. */
  patterns: number;
  lessonsCreated: number;
  /** Occurrences skipped (closures, conflicts with other lessons). */
  skipped: number;
  /** Patterns that became inactive (past their end date, or nobody left to teach or attend). */
  deactivated: number;
  /** Patterns changed by someone else during the run (done by the next run). */
  raced: number;
  failed: number;
}

interface StudioContext {
  timeZone: string;
  settings: SchedulingSettings;
  today: LocalDate;
  horizonEnd: LocalDate;
  closures: ClosureSpan[];
}

async function studioContext(studioId: string, now: Date): Promise<StudioContext | undefined> {
  const [studio, stored] = await readTogether(itemOf(planningDb().entities.studio, { studioId }), schedulingSettingsRead(studioId));
  if (!studio || (studio as StudioRecord).deletedAt) return undefined;
  const settings = withDefaults(stored);
  const { today, horizonEnd } = horizonOf(now, studio.timeZone, settings);
  return { timeZone: studio.timeZone, settings, today, horizonEnd, closures: await closuresBetween(studioId, today, horizonEnd) };
}

/** Writes a pattern as inactive (with an optional skipped note), conditional on the version read. */
async function deactivate(pattern: PatternRecord, note?: { date: LocalDate; reason: string }) {
  const next: PatternRecord = {
    ...pattern,
    isActive: false,
    skipped: note ? withSkipped(pattern.skipped, [note]) : pattern.skipped,
    version: pattern.version + 1,
  };
  await commitWrites(planningDb, (tx) => [
    failsWith(patternWrite(tx, next, pattern), () => new PatternChanged()),
    recordAudit(tx, {
      studioId: pattern.studioId,
      actorId: MATERIALISE_ACTOR,
      action: "recurringPattern.deactivated",
      entityType: "recurringPattern",
      entityId: pattern.patternId,
      before: pattern,
      after: next,
    }),
  ]);
}

/** One pattern: its occurrences from where it stopped (never before today) up to its end or the horizon. */
async function materialisePattern(pattern: PatternRecord, context: StudioContext, parties: LessonParties | string, now: Date, summary: MaterialiseSummary) {
  const done = pattern.materialisedThrough ? addDays(pattern.materialisedThrough, 1) : pattern.startDate;
  const from = [pattern.startDate, done, context.today].sort().pop()!;
  const to = materialiseTo(pattern, context.horizonEnd);
  if (typeof parties === "string") {
    await deactivate(pattern, { date: from, reason: `stopped: ${parties}` });
    summary.deactivated++;
    return;
  }
  const dates = occurrenceDates(pattern, from, to);
  if (dates.length === 0) {
    if (pattern.endDate && pattern.endDate < context.today) {
      await deactivate(pattern);
      summary.deactivated++;
    }
    return;
  }
  const { side, state } = advancingSide({
    actorId: MATERIALISE_ACTOR,
    record: pattern,
    stored: pattern,
    to,
    today: context.today,
    firstAction: "recurringPattern.materialised",
  });
  const outcome = await materialiseOccurrences(
    {
      studioId: pattern.studioId,
      timeZone: context.timeZone,
      settings: context.settings,
      now,
      actorId: MATERIALISE_ACTOR,
      onConflict: "skip",
      add: { pattern, parties, dates, closures: context.closures },
    },
    side,
  );
  summary.lessonsCreated += outcome.created.length;
  summary.skipped += outcome.skipped.length;
  if (!state.record.isActive) summary.deactivated++;
}

/** Runs `work` over items, at most `limit` at a time. */
async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * The materialise job: every active pattern of every studio, read page by page from the
 * `activePatterns` index (the job's cross-tenant work list; no Scan), gets its lessons from where
 * it stopped up to today + the studio's horizon (default 12 weeks), in the studio's time zone.
 * Lesson ids derive from pattern and date, and each pattern's progress commits with its lessons,
 * so running twice creates nothing twice. Occurrences on closures or taken by other lessons are
 * skipped and recorded on the pattern; patterns past their end date become inactive. One
 * transaction per pattern chunk (at most 100 items); a pattern that fails is counted and the run goes on.
 */
export async function materialiseLessons(options: { now?: Date; concurrency?: number; log?: (line: string) => void } = {}): Promise<MaterialiseSummary> {
  const now = options.now ?? new Date();
  const summary: MaterialiseSummary = { patterns: 0, lessonsCreated: 0, skipped: 0, deactivated: 0, raced: 0, failed: 0 };
  const contexts = new Map<string, Promise<StudioContext | undefined>>();
  const { recurringPattern } = planningDb().entities;
  let cursor: string | null = null;
  do {
    const result: { data: PatternRecord[]; cursor: string | null } = await recurringPattern.query
      .activePatterns({ isActive: true })
      .go({ cursor, limit: 250, pages: 1 });
    cursor = result.cursor;
    summary.patterns += result.data.length;
    const byStudio = new Map<string, PatternRecord[]>();
    for (const pattern of result.data) byStudio.set(pattern.studioId, [...(byStudio.get(pattern.studioId) ?? []), pattern]);
    const parties = new Map<string, LessonParties | string>();
    await Promise.all(
      [...byStudio].map(async ([studioId, patterns]) => {
        if (!contexts.has(studioId)) contexts.set(studioId, studioContext(studioId, now));
        for (const [id, p] of await partiesForPatterns(studioId, patterns)) parties.set(id, p);
      }),
    );
    // One teacher's patterns one after another (they share the teacher's day schedules), teachers in parallel.
    const byTeacher = new Map<string, PatternRecord[]>();
    for (const pattern of result.data) {
      const key = `${pattern.studioId}/${pattern.teacherId}`;
      byTeacher.set(key, [...(byTeacher.get(key) ?? []), pattern]);
    }
    await inPool([...byTeacher.values()], options.concurrency ?? 8, async (patterns) => {
      for (const pattern of patterns) {
        const context = await contexts.get(pattern.studioId);
        if (!context) continue;
        try {
          await materialisePattern(pattern, context, parties.get(pattern.patternId)!, now, summary);
        } catch (error) {
          if (error instanceof PatternChanged) summary.raced++;
          else {
            summary.failed++;
            options.log?.(`pattern ${pattern.studioId}/${pattern.patternId} failed: ${(error as Error).stack ?? error}`);
          }
        }
      }
    });
  } while (cursor);
  return summary;
}
