import { assertMay, loadStudioMember, type Actor } from "../policy";
import { localParts } from "../kernel/time/wall-clock";
import { meteringDb } from "./metering-db";
import { priceFor, type PlatformPrice } from "./price-list";
import { usageBill, type UsageBill, type UsageCounts } from "./usage-bill";
import { daysInMonth, shiftMonth, usageMonthOf, type Month } from "./usage-month-of";
import type { UsageMonthRecord } from "./usage-month.entity";

export interface MonthUsage {
  month: Month;
  activeStudents: number;
  lessonsHeld: number;
  emailsSent: number;
  storageGbMonths: number;
  bill: UsageBill;
}

export interface UsageOverview {
  timeZone: string;
  /** This month so far: its usage and what it would cost now. */
  current: MonthUsage & {
    /** The bill at the month's end if storage stays where it is (everything else is counted as it happens). */
    projected: UsageBill;
    storageBytes: number;
    price: PlatformPrice;
  };
  /** The last 12 months, oldest first, this month last (months without usage are zeros). */
  months: MonthUsage[];
}

const countsOf = (record: UsageMonthRecord | undefined): Required<UsageCounts> => ({
  activeStudents: record?.activeStudents ?? 0,
  lessonsHeld: record?.lessonsHeld ?? 0,
  emailsSent: record?.emailsSent ?? 0,
  storageByteDays: record?.storageByteDays ?? 0,
});

function monthUsage(month: Month, record: UsageMonthRecord | undefined): MonthUsage {
  const counts = countsOf(record);
  const bill = usageBill(month, counts, priceFor(month));
  return {
    month,
    activeStudents: counts.activeStudents,
    lessonsHeld: counts.lessonsHeld,
    emailsSent: counts.emailsSent,
    storageGbMonths: bill.lines.find((line) => line.metric === "storage")!.used,
    bill,
  };
}

/**
 * The usage page (owners and admins): this month in the studio's zone so far, with its bill now and
 * projected to the month's end, and the last 12 months. One read for the member and the studio,
 * one Query of the studio's usage months.
 */
export async function getUsage(actor: Actor, studioId: string, now = new Date()): Promise<UsageOverview> {
  const { member, studio } = await loadStudioMember(actor, studioId);
  assertMay(member, "usage.view");
  const month = usageMonthOf(now, studio.timeZone);
  const first = shiftMonth(month, -11);
  const { data } = await meteringDb().entities.usageMonth.query.usageMonth({ studioId }).between({ month: first }, { month }).go({ pages: "all" });
  const byMonth = new Map(data.map((record) => [record.month, record]));
  const months = Array.from({ length: 12 }, (_, index) => shiftMonth(first, index)).map((m) => monthUsage(m, byMonth.get(m)));
  const record = byMonth.get(month);
  const storageBytes = studio.storageBytes ?? 0;
  const today = localParts(now, studio.timeZone).date;
  const daysLeft = daysInMonth(month) - Number(today.slice(8, 10)) + (record?.storageSampledOn === today ? 0 : 1);
  const counts = countsOf(record);
  const price = priceFor(month);
  const projected = usageBill(month, { ...counts, storageByteDays: counts.storageByteDays + storageBytes * daysLeft }, price);
  return { timeZone: studio.timeZone, current: { ...months.at(-1)!, projected, storageBytes, price }, months };
}
