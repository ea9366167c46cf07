import { outboxEmails } from "../../outbox";
import { closedDatesNotices } from "../series/series-notices";
import type { NoticeStudio } from "../../scheduling";
import { occurrenceDates } from "../patterns/occurrences";
import type { PatternRecord } from "../patterns/pattern-view";
import { planningDb } from "../planning-db";
import { addDays } from "../../kernel/time/wall-clock";
import type { ClosureRecord } from "../../scheduling/module";

/** A pattern's occurrences in the closure after its materialised lessons (those the closure cancelled are before). */
const datesBeyondLessons = (pattern: PatternRecord, closure: Pick<ClosureRecord, "startDate" | "endDate">) => {
  const next = pattern.materialisedThrough ? addDays(pattern.materialisedThrough, 1) : pattern.startDate;
  return occurrenceDates(pattern, next > closure.startDate ? next : closure.startDate, closure.endDate);
};

/**
 * Takes a closure's dates out of the families' calendar series that reach them beyond their
 * materialised lessons (the lessons in it were cancelled with the closure's own email): one email
 * per family and pattern (series-notices.ts closedDatesNotices), enqueued per pattern. The message
 * ids are deterministic: a resumed closure enqueues nothing twice (a refused transaction means the
 * emails are already there).
 */
export async function closeSeriesDates(
  studio: NoticeStudio,
  closure: Pick<ClosureRecord, "closureId" | "startDate" | "endDate" | "reason">,
  now: Date,
): Promise<void> {
  const { recurringPattern } = planningDb().entities;
  const { data: patterns } = await recurringPattern.query.activePatterns({ isActive: true, studioId: studio.studioId }).go({ pages: "all" });
  for (const pattern of patterns) {
    const dates = datesBeyondLessons(pattern, closure);
    if (dates.length === 0) continue;
    const notices = await closedDatesNotices(studio, pattern, closure, dates, now);
    if (notices.length > 0)
      await planningDb()
        .transaction.write((tx) => outboxEmails(tx, notices))
        .go();
  }
}
