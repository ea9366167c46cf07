/** The public invoice page's words: tax rates and statuses as a family reads them. */

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
