import { localParts } from "../kernel/time/wall-clock";

/** A calendar month, "YYYY-MM". */
export type Month = string;

/** The calendar month of an instant in the studio's zone: what a usage event counts towards. */
export const usageMonthOf = (instant: Date | string, timeZone: string): Month => localParts(instant, timeZone).date.slice(0, 7);

/** How many days `month` has. */
export function daysInMonth(month: Month): number {
  const [year, m] = month.split("-").map(Number);
  return new Date(Date.UTC(year!, m!, 0)).getUTCDate();
}

/** The month `count` months after (or, negative, before) `month`. */
export function shiftMonth(month: Month, count: number): Month {
  const [year, m] = month.split("-").map(Number);
  const at = new Date(Date.UTC(year!, m! - 1 + count, 1));
  return at.toISOString().slice(0, 7);
}

export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
