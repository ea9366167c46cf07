import type { Invoice, InvoiceSummary } from "./invoice-schema";
import { balanceDue, issuedStatus } from "./invoice-state";
import type { InvoiceRecord, InvoiceStatus } from "./invoice.entity";

export type { InvoiceRecord } from "./invoice.entity";
export type InvoiceLineRecord = InvoiceRecord["lines"][number];
export type { Invoice, InvoiceSummary };

/**
 * The status as of the studio's local `today`: an issued invoice past its due date reads
 * "overdue" at once, even before the dunning job has flipped the stored status.
 */
export function currentStatus(record: InvoiceRecord, today: string): InvoiceStatus {
  if (record.status === "draft" || record.status === "void") return record.status;
  return issuedStatus(record, today);
}

/** What is owed now: the total for a draft, nothing for a void invoice. */
const owed = (record: InvoiceRecord) => (record.status === "draft" ? record.totalMinor : record.status === "void" ? 0 : balanceDue(record));

/**
 * An invoice's numbers, status and dates, without its lines, payments or history: what lists
 * show, and all a teacher sees of their students' billing.
 */
export function toInvoiceSummary(record: InvoiceRecord, today: string): InvoiceSummary {
  return {
    id: record.invoiceId,
    studioId: record.studioId,
    accountId: record.accountId,
    number: record.number ?? null,
    status: currentStatus(record, today),
    currency: record.currency,
    issueDate: record.issueDate,
    dueDate: record.dueDate,
    periodStart: record.periodStart ?? null,
    periodEnd: record.periodEnd ?? null,
    subtotalMinor: record.subtotalMinor,
    discountMinor: record.discountMinor,
    taxMinor: record.taxMinor,
    totalMinor: record.totalMinor,
    lateFeeMinor: record.lateFeeMinor,
    balanceDueMinor: owed(record),
    billingRunId: record.billingRunId ?? null,
    sentAt: record.sentAt ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** An invoice in full, as staff and the account's own family or student see it. */
export function toInvoice(record: InvoiceRecord, today: string): Invoice {
  return {
    ...toInvoiceSummary(record, today),
    lines: record.lines.map((line) => ({
      id: line.lineId,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      totalMinor: line.totalMinor,
      lessonId: line.lessonId ?? null,
      studentId: line.studentId ?? null,
      feePlanId: line.feePlanId ?? null,
    })),
    discount: record.discount ? { kind: record.discount.kind, value: record.discount.value, description: record.discount.description ?? null } : null,
    taxRateMillipercent: record.taxRateMillipercent,
    taxName: record.taxName,
    amountPaidMinor: record.amountPaidMinor,
    creditedMinor: record.creditedMinor,
    notes: record.notes ?? null,
    replacesInvoiceId: record.replacesInvoiceId ?? null,
    replacedByInvoiceId: record.replacedByInvoiceId ?? null,
    voidedAt: record.voidedAt ?? null,
    voidReason: record.voidReason ?? null,
    history: (record.history ?? []).map((h) => ({ at: h.at, event: h.event, detail: h.detail, actorId: h.actorId ?? null })),
  };
}
