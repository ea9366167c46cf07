/** How the public invoice page writes money, dates and rates (money as in the emails). */
export { formatMoney } from "@studiosync/core/billing/money";

/** "2026-12-01" → "1 December 2026" (a local date: no time zone shifts it). */
export function formatDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** Thousandths of a percent → "20 %", "8.875 %". */
export const formatRate = (millipercent: number) => `${(millipercent / 1000).toLocaleString("en-GB", { maximumFractionDigits: 3 })} %`;

/** The status as a family reads it. */
export const STATUS_LABELS: Record<string, string> = {
  sent: "Due",
  partial: "Partly paid",
  overdue: "Overdue",
  paid: "Paid",
  void: "Void",
};
