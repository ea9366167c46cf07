import { recordAudit } from "../../audit";
import { commitWritesOr, rejectedAs } from "../../kernel/db/commit-writes";
import { scheduleDb } from "../schedule-db";
import { addDays } from "../../kernel/time/wall-clock";
import type { MakeupCreditRecord } from "./credit-view";

export const EXPIRE_CREDITS_JOB = "expire-makeup-credits";
const JOB_ACTOR = "job:expire-makeup-credits";
/** On its very first run the job looks back this many expiry dates. */
const FIRST_RUN_DAYS = 31;
const PARALLEL = 25;

/**
 * Stores `expired` on available credits past their expiry date, reading `creditsByExpiry` one
 * expiry date at a time from the day after the job's cursor (JobCursor "expire-makeup-credits").
 * Expiry dates are local dates in each studio's zone; the job works in UTC and stops at the day
 * before yesterday, a date every zone (UTC−12 lags UTC by less than a day) has left behind, so no
 * credit is expired while it is still spendable on its studio's wall clock. Lists and bookings do
 * not wait for it: an available credit past its date reads as expired and cannot be spent.
 * Idempotent: each credit is changed on condition it is still available, and the cursor moves on
 * only after a date is done, so a second run (or a rerun after a crash) changes nothing twice.
 */
export async function expireMakeupCredits(options: { now?: Date } = {}): Promise<{ expired: number; dates: string[] }> {
  const now = options.now ?? new Date();
  const { jobCursor, makeupCredit } = scheduleDb().entities;
  const last = addDays(now.toISOString().slice(0, 10), -2);
  const { data: cursor } = await jobCursor.get({ job: EXPIRE_CREDITS_JOB }).go();
  const dates: string[] = [];
  let expired = 0;
  for (let date = cursor ? addDays(cursor.doneThrough, 1) : addDays(last, -FIRST_RUN_DAYS); date <= last; date = addDays(date, 1)) {
    const { data } = await makeupCredit.query
      .creditsByExpiry({ expiresOn: date })
      .where((a, op) => op.eq(a.status, "available"))
      .go({ pages: "all" });
    for (let i = 0; i < data.length; i += PARALLEL) {
      const done = await Promise.all(data.slice(i, i + PARALLEL).map((credit) => expireCredit(credit, now)));
      expired += done.filter(Boolean).length;
    }
    await jobCursor.put({ job: EXPIRE_CREDITS_JOB, doneThrough: date }).go();
    dates.push(date);
  }
  return { expired, dates };
}

/** Marks one credit expired (with its audit event); false when it was spent or expired meanwhile. */
async function expireCredit(credit: MakeupCreditRecord, now: Date): Promise<boolean> {
  const change = { status: "expired" as const, expiredAt: now.toISOString(), updatedBy: JOB_ACTOR };
  const rejected = await commitWritesOr(scheduleDb, (tx) => [
    rejectedAs(
      tx.makeupCredit
        .patch({ studioId: credit.studioId, creditId: credit.creditId })
        .set(change)
        .where((a, op) => op.eq(a.status, "available"))
        .commit(),
      "no_longer_available",
    ),
    recordAudit(tx, {
      studioId: credit.studioId,
      actorId: JOB_ACTOR,
      action: "makeupCredit.expired",
      entityType: "makeupCredit",
      entityId: credit.creditId,
      before: credit,
      after: { ...credit, ...change },
    }),
  ]);
  return !rejected;
}
