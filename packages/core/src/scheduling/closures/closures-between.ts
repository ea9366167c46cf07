import { scheduleDb } from "../schedule-db";
import type { LocalDate } from "../../kernel/time/wall-clock";

export interface ClosureSpan {
  closureId: string;
  startDate: LocalDate;
  endDate: LocalDate;
  reason: string;
}

/**
 * The studio's closures overlapping local dates [from, to] (inclusive), oldest first. One query:
 * `closuresByDate` is sorted by end date, so everything ending on or after `from` is read and
 * those starting after `to` are filtered out (a studio has a few closures a year).
 */
export async function closuresBetween(studioId: string, from: LocalDate, to: LocalDate): Promise<ClosureSpan[]> {
  const { data } = await scheduleDb()
    .entities.closure.query.closuresByDate({ studioId })
    .gte({ endDate: from })
    .where((a, op) => `${op.lte(a.startDate, to)} AND ${op.notExists(a.deletedAt)}`)
    .go({ pages: "all" });
  return data.map(({ closureId, startDate, endDate, reason }) => ({ closureId, startDate, endDate, reason }));
}

/** The closure covering a local date, if any. */
export const closureOn = (closures: ClosureSpan[], date: LocalDate) => closures.find((c) => c.startDate <= date && date <= c.endDate);
