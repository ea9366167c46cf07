import type { BillingAccountRecord } from "../accounts/post-to-ledger";
import { currentStatus, type InvoiceRecord } from "../invoices/invoice-view";
import type { BillingRun, BillingRunInvoice, BillingRunStarted, BillingRunWithInvoices } from "./billing-run-schema";
import type { BillingRunRecord } from "./run-billing";

export type { BillingRun, BillingRunInvoice, BillingRunStarted, BillingRunWithInvoices };

export function toBillingRun(record: BillingRunRecord, currency: string): BillingRun {
  return {
    id: record.runId,
    studioId: record.studioId,
    periodStart: record.periodStart,
    periodEnd: record.periodEnd,
    trigger: record.trigger,
    status: record.status,
    currency,
    invoiceCount: record.invoiceIds?.length ?? 0,
    accountCount: record.accountCount,
    totalMinor: record.totalMinor,
    skipped: (record.skipped ?? []).map((s) => ({ lessonId: s.lessonId ?? null, studentId: s.studentId ?? null, reason: s.reason })),
    runCount: record.runCount,
    startedBy: record.startedBy ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** One of the run's invoices; its status as of `today` (the studio's local date: an open invoice past due is overdue). */
export function toBillingRunInvoice(invoice: InvoiceRecord, account: Pick<BillingAccountRecord, "name"> | null, today: string): BillingRunInvoice {
  return {
    id: invoice.invoiceId,
    accountId: invoice.accountId,
    accountName: account?.name ?? null,
    status: currentStatus(invoice, today),
    number: invoice.number ?? null,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    lineCount: invoice.lines.length,
    subtotalMinor: invoice.subtotalMinor,
    discountMinor: invoice.discountMinor,
    taxMinor: invoice.taxMinor,
    totalMinor: invoice.totalMinor,
    balanceDueMinor: invoice.balanceDueMinor,
  };
}
