import { recordAudit } from "../../audit";
import type { PlanningTx } from "../planning-db";
import type { LocalDate } from "../../kernel/time/wall-clock";
import type { ChunkProgress, PatternSide } from "./materialise-occurrences";
import { withSkipped, type PatternRecord } from "./pattern-view";

/**
 * A pattern after a chunk of its occurrences was done: materialised through the chunk's last
 * date (through `to` after the last chunk, never backwards, never before its start), its
 * skipped occurrences appended, and inactive once its end date is before `today`.
 */
export function advanced(record: PatternRecord, progress: ChunkProgress, to: LocalDate, today: LocalDate): PatternRecord {
  const reached = progress.last || !progress.lastDate || progress.lastDate > to ? to : progress.lastDate;
  const through = [record.materialisedThrough, reached]
    .filter((d): d is string => Boolean(d) && d! >= record.startDate)
    .sort()
    .pop();
  return {
    ...record,
    ...(through ? { materialisedThrough: through } : {}),
    skipped: withSkipped(record.skipped, progress.skipped),
    isActive: record.isActive && !(record.endDate && record.endDate < today),
  };
}

/** The item that stores `next` over `previous` (created when there is none), conditional on the version read. */
export function patternWrite(tx: PlanningTx, next: PatternRecord, previous: PatternRecord | undefined) {
  const { recurringPattern } = tx;
  if (!previous) return recurringPattern.create({ ...next, version: 1 }).commit();
  const { studioId, patternId, createdAt: _c, createdBy: _b, ...fields } = next;
  return recurringPattern
    .patch({ studioId, patternId })
    .set({ ...fields, version: previous.version + 1 } as never)
    .where((a, op) => op.eq(a.version, previous.version))
    .commit();
}

/**
 * The pattern side of a materialisation that advances one pattern chunk by chunk: the pattern
 * write and an audit event per chunk (`firstAction` for the first, "recurringPattern.materialised"
 * after), with `extra` items for the first chunk (e.g. the pattern an edit ends). `state.record`
 * is the pattern as stored after the last committed chunk.
 */
export function advancingSide(options: {
  actorId: string;
  record: PatternRecord;
  /** Undefined when the first chunk creates the pattern. */
  stored: PatternRecord | undefined;
  to: LocalDate;
  today: LocalDate;
  firstAction: string;
  extra?: { count: number; writes: (tx: PlanningTx) => unknown[] };
}) {
  const state = { record: options.record, stored: options.stored };
  let pending: PatternRecord | undefined;
  const side: PatternSide = {
    itemCount: 2 + (options.extra?.count ?? 0),
    writes(tx, progress) {
      pending = { ...advanced(state.record, progress, options.to, options.today), version: (state.stored?.version ?? 0) + 1 };
      const { studioId, patternId } = pending;
      const action = progress.index === 0 ? options.firstAction : "recurringPattern.materialised";
      return [
        patternWrite(tx, pending, state.stored),
        recordAudit(tx, {
          studioId,
          actorId: options.actorId,
          action,
          entityType: "recurringPattern",
          entityId: patternId,
          before: state.stored,
          after: { ...pending, lessonsCreated: progress.created.map((l) => l.lessonId), lessonsRemoved: progress.removed.map((l) => l.lessonId) },
        }),
        ...(progress.index === 0 && options.extra ? options.extra.writes(tx) : []),
      ];
    },
    committed() {
      state.record = pending!;
      state.stored = pending!;
    },
  };
  return { side, state };
}
