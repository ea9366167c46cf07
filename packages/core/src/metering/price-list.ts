import type { Month } from "./usage-month-of";

/**
 * What the platform charges a studio for a month (in USD cents): a free allowance of each metric,
 * then a price per unit beyond it. Never edited once in force: a change is a new version from a
 * later month, and each platform invoice records the version it was priced with.
 */
export interface PlatformPrice {
  version: string;
  /** The first month it prices. */
  from: Month;
  currency: "USD";
  freeActiveStudents: number;
  perActiveStudentMinor: number;
  freeEmails: number;
  /** Per 1,000 emails beyond the allowance, pro rata per email (one rounding, of the line). */
  perThousandEmailsMinor: number;
  freeStorageGbMonths: number;
  perGbMonthMinor: number;
}

/** Every price version, oldest first. */
export const PRICE_LIST: readonly PlatformPrice[] = [
  {
    version: "2026-01",
    from: "2026-01",
    currency: "USD",
    freeActiveStudents: 5,
    perActiveStudentMinor: 150,
    freeEmails: 500,
    perThousandEmailsMinor: 100,
    freeStorageGbMonths: 1,
    perGbMonthMinor: 10,
  },
];

/** The price in force for `month`: the newest version starting in or before it. */
export function priceFor(month: Month, list: readonly PlatformPrice[] = PRICE_LIST): PlatformPrice {
  const inForce = list.filter((price) => price.from <= month).at(-1);
  return inForce ?? list[0]!;
}
