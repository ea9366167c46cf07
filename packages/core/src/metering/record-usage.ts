import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { meteringDb } from "./metering-db";
import type { UsageMetric } from "./usage-mark.entity";
import type { Month } from "./usage-month-of";

/** One usage event: `key` is its idempotency id within the studio's metric and month (usage-mark.entity.ts). */
export interface UsageEvent {
  studioId: string;
  month: Month;
  metric: UsageMetric;
  key: string;
  amount: number;
  at: string;
  label?: string;
}

/** The counter of usage-month.entity.ts each metric adds to. */
export const COUNTER_OF = {
  activeStudents: "activeStudents",
  lessonsHeld: "lessonsHeld",
  emailsSent: "emailsSent",
  storage: "storageByteDays",
} as const satisfies Record<UsageMetric, string>;

class AlreadyCounted extends Error {}

/**
 * Counts a usage event once: its mark is created on condition it does not exist, and its month's
 * counter moves in the same transaction, so a replayed stream record, a retried job or two racing
 * consumers never count it twice. Answers whether this call counted it.
 */
export async function recordUsage(event: UsageEvent): Promise<boolean> {
  const { studioId, month, metric, key, amount, at, label } = event;
  try {
    await commitWrites(meteringDb, (tx) => [
      failsWith(tx.usageMark.create({ studioId, month, metric, key, amount, at, ...(label ? { label } : {}) }).commit(), () => new AlreadyCounted()),
      tx.usageMonth
        .upsert({ studioId, month, ...(metric === "storage" ? { storageBytes: amount, storageSampledOn: key } : {}) })
        .add({ [COUNTER_OF[metric]]: amount })
        .commit(),
    ]);
    return true;
  } catch (error) {
    if (error instanceof AlreadyCounted) return false;
    throw error;
  }
}

/** Makes sure the studio is metered in `month` (listed in its `usageByMonth` index) without counting anything. */
export const openUsageMonth = (studioId: string, month: Month) => meteringDb().entities.usageMonth.upsert({ studioId, month }).go();
