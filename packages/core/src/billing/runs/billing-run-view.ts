import type { BillingAccountRecord } from "../accounts/post-to-ledger";
import { currentStatus } from "../invoices/invoice-view";
import type { InvoiceRecord } from "./draft-account-invoice";
import type { BillingExecutionSummary } from "./start-billing-run";
import type { BillingRunRecord } from "./run-billing";

/** A billing run as the API shows it (money in the studio currency's minor units). */
export interface BillingRun {
  id: string;
  studioId: string;
  periodStart: string;
  periodEnd: string;
  trigger: "manual" | "schedule";
  status: "drafting" | "drafted" | "sent";
  currency: string;
  invoiceCount: number;
  accountCount: number;
  /** What the run's invoices came to when drafted. */
  totalMinor: number;
  skipped: { lessonId: string | null; studentId: string | null; reason: string }[];
  runCount: number;
  startedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One of a run's invoices, for reviewing the drafts before sending. */
export interface BillingRunInvoice {
  id: string;
  accountId: string;
  accountName: string | null;
  status: InvoiceRecord["status"];
  number: string | null;
  issueDate: string;
  dueDate: string;
  lineCount: number;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  balanceDueMinor: number;
}

export interface BillingRunWithInvoices extends BillingRun {
  invoices: BillingRunInvoice[];
}

export interface BillingRunStarted extends BillingRun {
  /** What this request did (running a period again adds only what is new). */
  execution: BillingExecutionSummary;
}

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
