import { failsWith } from "../../kernel/db/commit-writes";
import { BookingRace, commitWithBookings, lessonWrites } from "../../scheduling";
import type { LessonRecord } from "../../scheduling/module";
import { planningDb, type PlanningTx } from "../planning-db";
import type { LocalDate } from "../../kernel/time/wall-clock";
import { lessonRemovalWrites } from "./pattern-lessons";
import type { SkippedOccurrence } from "./pattern-view";
import { chunkDates, MAX_TRANSACTION_ITEMS, prepare, type OccurrenceWork, type Prepared } from "./plan-occurrences";

export { MAX_TRANSACTION_ITEMS, type Additions, type Removals, type OccurrenceWork } from "./plan-occurrences";

/** What one committed chunk did, for the pattern items the caller writes with it. */
export interface ChunkProgress {
  index: number;
  last: boolean;
  /** The latest local date this chunk covers (undefined for a chunk without dates). */
  lastDate?: LocalDate;
  created: LessonRecord[];
  removed: LessonRecord[];
  skipped: SkippedOccurrence[];
}

/** The caller's own items in every chunk (the pattern's progress, its audit event). */
export interface PatternSide {
  /** How many items `writes` returns (at most; reserved in every chunk). */
  itemCount: number;
  writes(tx: PlanningTx, progress: ChunkProgress): unknown[];
  /** Called once a chunk has committed, with what it did. */
  committed(progress: ChunkProgress): void;
}

export interface OccurrenceOutcome {
  created: LessonRecord[];
  removed: LessonRecord[];
  skipped: SkippedOccurrence[];
}

/** A rejected item of the caller's own (pattern) writes: someone else changed the pattern meanwhile. */
export class PatternChanged extends Error {
  constructor() {
    super("The recurring pattern was changed meanwhile; reload it and try again");
    this.name = "PatternChanged";
  }
}

/** A lesson to create already exists, or one to remove changed, between our read and our write. */
class LessonRace extends Error {}

/**
 * Creates and removes a pattern's lessons for a set of dates. Everything is planned first (with
 * `onConflict: "throw"`, a conflict is a 409 before anything is written); then it commits in
 * chunks of at most 100 transaction items, each atomic, oldest dates first, each with the caller's
 * own items (`side`: the pattern's progress and audit event, placed first: a rejected one is
 * PatternChanged). A chunk that loses a race for a day schedule or a lesson is planned again and
 * retried (up to 4 times); after the first chunk has committed, an occurrence that became taken
 * meanwhile is skipped and recorded instead of failing the whole.
 */
export async function materialiseOccurrences(work: OccurrenceWork, side: PatternSide): Promise<OccurrenceOutcome> {
  const fixedItems = side.itemCount;
  const dates = [...new Set([...(work.add?.dates ?? []), ...(work.remove?.dates ?? [])])].sort();
  const full = await prepare(work, dates, work.onConflict, work.checkExisting ?? false);
  const chunks = full.itemCount + fixedItems <= MAX_TRANSACTION_ITEMS ? [dates] : chunkDates(full, work, fixedItems);
  const outcome: OccurrenceOutcome = { created: [], removed: [], skipped: [] };

  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index]!;
    let prepared: Prepared | undefined = chunks.length === 1 ? full : undefined;
    let checkExisting = work.checkExisting ?? false;
    for (let attempt = 1; ; attempt++) {
      prepared ??= await prepare(work, chunk, index === 0 ? work.onConflict : "skip", checkExisting);
      if (prepared.itemCount + fixedItems > MAX_TRANSACTION_ITEMS && chunk.length > 1) {
        // Something changed since the plan (e.g. a band grew): split this chunk in two.
        chunks.splice(index, 1, chunk.slice(0, chunk.length >> 1), chunk.slice(chunk.length >> 1));
        index--;
        break;
      }
      const progress: ChunkProgress = {
        index,
        last: index === chunks.length - 1,
        lastDate: chunk[chunk.length - 1],
        created: prepared.creates,
        removed: prepared.removals,
        skipped: prepared.skipped,
      };
      try {
        const current = prepared;
        await commitWithBookings(
          planningDb,
          (tx) => [
            ...failsWith(side.writes(tx, progress), () => new PatternChanged()),
            ...failsWith(
              [
                ...current.creates.flatMap((lesson) =>
                  lessonWrites(tx, lesson, { familyOf: work.add!.parties.familyOf, settings: work.settings, now: work.now }),
                ),
                ...current.removals.flatMap((lesson) => lessonRemovalWrites(tx, lesson)),
              ],
              () => new LessonRace(),
            ),
          ],
          current.plan,
        );
        side.committed(progress);
        outcome.created.push(...prepared.creates);
        outcome.removed.push(...prepared.removals);
        outcome.skipped.push(...prepared.skipped);
        break;
      } catch (error) {
        if (!(error instanceof BookingRace || error instanceof LessonRace) || attempt >= 4) throw error;
        if (error instanceof LessonRace) checkExisting = true;
        prepared = undefined;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
    }
  }
  return outcome;
}
