import type { InvoiceStatus } from "./invoice.entity";

export interface InvoiceAmounts {
  totalMinor: number;
  lateFeeMinor: number;
  amountPaidMinor: number;
  creditedMinor: number;
  dueDate: string;
}

/** What is still owed on an issued invoice. */
export const balanceDue = (i: Omit<InvoiceAmounts, "dueDate">) => i.totalMinor + i.lateFeeMinor - i.amountPaidMinor - i.creditedMinor;

/**
 * The status of an issued (not void) invoice from its amounts and the studio's local date:
 * nothing owed → paid; past due → overdue; something paid or credited → partial; else sent.
 */
export function issuedStatus(i: InvoiceAmounts, today: string): Exclude<InvoiceStatus, "draft" | "void"> {
  if (balanceDue(i) <= 0) return "paid";
  if (i.dueDate < today) return "overdue";
  return i.amountPaidMinor + i.creditedMinor > 0 ? "partial" : "sent";
}

export const listStateOf = (status: InvoiceStatus) => (status === "draft" ? "draft" : status === "paid" || status === "void" ? "closed" : "open");

/**
 * The fields to set whenever an issued invoice's amounts change (payment, refund, credit note,
 * late fee): balance, status and the index state, always together.
 */
export function statusFields(i: InvoiceAmounts, today: string) {
  const status = issuedStatus(i, today);
  return { balanceDueMinor: balanceDue(i), status, listState: listStateOf(status) } as const;
}
