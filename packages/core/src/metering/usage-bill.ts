import { Money } from "../billing";
import type { PlatformPrice } from "./price-list";
import { daysInMonth, type Month } from "./usage-month-of";
import type { UsageMonthRecord } from "./usage-month.entity";

/** Storage is priced per GB-month of 2^30 bytes, as S3 meters it. */
export const BYTES_PER_GB = 2 ** 30;

export type UsageCounts = Pick<UsageMonthRecord, "activeStudents" | "lessonsHeld" | "emailsSent" | "storageByteDays">;

export interface UsageLine {
  metric: "activeStudents" | "emailsSent" | "storage";
  description: string;
  /** What was used: students, emails, GB-months (to 3 decimals, for reading; the amount is exact). */
  used: number;
  included: number;
  billable: number;
  /** The price per `per` units beyond the allowance. */
  unitPriceMinor: number;
  per: number;
  amountMinor: number;
}

export interface UsageBill {
  month: Month;
  priceVersion: string;
  currency: string;
  lines: UsageLine[];
  totalMinor: number;
}

/** n / d rounded half up, in integers of any size (storage's byte-days times a price can pass 2^53). */
function roundHalfUpBig(n: bigint, d: bigint): number {
  const q = n / d;
  return Number(2n * (n % d) >= d ? q + 1n : q);
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/**
 * A month's bill for its usage at a price: each metric beyond its free allowance at its price,
 * rounded once per line, half up (billing/money.ts's one rule). Storage is exact: the billable
 * byte-days times the price per GB-month over the month's byte-days of one GB, rounded once.
 */
export function usageBill(month: Month, counts: UsageCounts, price: PlatformPrice): UsageBill {
  const students = counts.activeStudents ?? 0;
  const emails = counts.emailsSent ?? 0;
  const byteDays = counts.storageByteDays ?? 0;
  const gbMonthByteDays = BigInt(daysInMonth(month)) * BigInt(BYTES_PER_GB);
  const billableStudents = Math.max(0, students - price.freeActiveStudents);
  const billableEmails = Math.max(0, emails - price.freeEmails);
  const billableByteDays = BigInt(Math.max(0, byteDays - price.freeStorageGbMonths * daysInMonth(month) * BYTES_PER_GB));
  const lines: UsageLine[] = [
    {
      metric: "activeStudents",
      description: "Active students",
      used: students,
      included: price.freeActiveStudents,
      billable: billableStudents,
      unitPriceMinor: price.perActiveStudentMinor,
      per: 1,
      amountMinor: billableStudents * price.perActiveStudentMinor,
    },
    {
      metric: "emailsSent",
      description: "Emails sent",
      used: emails,
      included: price.freeEmails,
      billable: billableEmails,
      unitPriceMinor: price.perThousandEmailsMinor,
      per: 1000,
      amountMinor: Money.roundHalfUp(billableEmails * price.perThousandEmailsMinor, 1000),
    },
    {
      metric: "storage",
      description: "File storage (GB-months)",
      used: round3(byteDays / Number(gbMonthByteDays)),
      included: price.freeStorageGbMonths,
      billable: round3(Number(billableByteDays) / Number(gbMonthByteDays)),
      unitPriceMinor: price.perGbMonthMinor,
      per: 1,
      amountMinor: roundHalfUpBig(billableByteDays * BigInt(price.perGbMonthMinor), gbMonthByteDays),
    },
  ];
  return { month, priceVersion: price.version, currency: price.currency, lines, totalMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0) };
}
