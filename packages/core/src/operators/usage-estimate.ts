import { daysInMonth, priceFor, usageBill, type Month, type UsageMonthRecord } from "../metering";
import { localParts } from "../kernel/time/wall-clock";

/** A studio's month as the operators see it: the counters, the bill so far and, for the month under way, where it is heading. */
export interface OperatorMonthUsage {
  month: Month;
  activeStudents: number;
  lessonsHeld: number;
  emailsSent: number;
  storageGbMonths: number;
  currency: string;
  /** The bill for what was counted so far, at the price in force for the month. */
  soFarMinor: number;
  /** The bill at the month's end if storage stays where it is (equal to `soFarMinor` for a past month). */
  projectedMinor: number;
}

/**
 * The month's usage and its bill at `priceFor(month)`. The month under way is also projected to its
 * end with the studio's stored bytes kept for the days left, as the studio's own usage page does
 * (metering/get-usage.ts).
 */
export function monthEstimate(
  month: Month,
  record: UsageMonthRecord | null | undefined,
  current?: { now: Date; timeZone: string; storageBytes: number },
): OperatorMonthUsage {
  const counts = {
    activeStudents: record?.activeStudents ?? 0,
    lessonsHeld: record?.lessonsHeld ?? 0,
    emailsSent: record?.emailsSent ?? 0,
    storageByteDays: record?.storageByteDays ?? 0,
  };
  const price = priceFor(month);
  const bill = usageBill(month, counts, price);
  let projectedMinor = bill.totalMinor;
  if (current) {
    const today = localParts(current.now, current.timeZone).date;
    const daysLeft = daysInMonth(month) - Number(today.slice(8, 10)) + (record?.storageSampledOn === today ? 0 : 1);
    projectedMinor = usageBill(month, { ...counts, storageByteDays: counts.storageByteDays + current.storageBytes * Math.max(0, daysLeft) }, price).totalMinor;
  }
  return {
    month,
    activeStudents: counts.activeStudents,
    lessonsHeld: counts.lessonsHeld,
    emailsSent: counts.emailsSent,
    storageGbMonths: bill.lines.find((line) => line.metric === "storage")!.used,
    currency: bill.currency,
    soFarMinor: bill.totalMinor,
    projectedMinor,
  };
}
