import { readMany } from "../kernel/db/read-many";
import { itemOf } from "../kernel/db/read-together";
import { page } from "../kernel/pagination/pagination";
import { loadOperatorWith, type Actor, type PausedReason } from "../policy";
import type { PlatformInvoiceRecord } from "../platform-billing/module";
import { operatorsDb } from "./operators-db";
import { PLATFORM_SCOPE } from "./platform-scope";
import type { OperatorListQuery } from "./schemas";
import { isOverdue } from "./studio-summary";

/** One studio's invoice in the month's list. */
export interface MonthInvoiceRow {
  studioId: string;
  studioName: string | null;
  studioSlug: string | null;
  pausedReason: PausedReason | null;
  number: string;
  status: "open" | "paid";
  overdue: boolean;
  currency: string;
  totalMinor: number;
  issuedOn: string;
  graceEndsOn: string;
  paidAt: string | null;
  paidWith: string | null;
  attempts: number;
}

interface Sum {
  count: number;
  totalMinor: number;
}

/** The month's invoices added up: all of them, the paid, the open, and the open past their grace period. */
export interface MonthTotals {
  currency: string;
  invoiced: Sum;
  paid: Sum;
  open: Sum;
  overdue: Sum;
}

const add = (sum: Sum, minor: number) => ({ count: sum.count + 1, totalMinor: sum.totalMinor + minor });

/**
 * The month's totals: one Query of the month index (every studio invoiced for the month, a page
 * per 1 MB of invoices) reading only what the sums need.
 */
async function monthTotals(month: string, now: Date): Promise<MonthTotals> {
  const { data } = await operatorsDb()
    .entities.platformInvoice.query.platformInvoicesByMonth({ month })
    .go({ pages: "all", attributes: ["studioId", "month", "status", "totalMinor", "currency", "graceEndsOn"] });
  const zero = { count: 0, totalMinor: 0 };
  const totals: MonthTotals = { currency: data[0]?.currency ?? "USD", invoiced: zero, paid: zero, open: zero, overdue: zero };
  for (const invoice of data as Pick<PlatformInvoiceRecord, "status" | "totalMinor" | "graceEndsOn">[]) {
    totals.invoiced = add(totals.invoiced, invoice.totalMinor);
    if (invoice.status === "paid") totals.paid = add(totals.paid, invoice.totalMinor);
    else totals.open = add(totals.open, invoice.totalMinor);
    if (isOverdue(invoice, now)) totals.overdue = add(totals.overdue, invoice.totalMinor);
  }
  return totals;
}

/**
 * What the platform invoiced for a month (operators), a page at a time by studio, with the
 * month's totals: the month index of platform invoices, and one BatchGetItem for the page's studios.
 */
export async function listMonthInvoices(actor: Actor, month: string, query: OperatorListQuery, now = new Date()) {
  await loadOperatorWith(actor);
  const { platformInvoice, studio } = operatorsDb().entities;
  const [result, totals] = await Promise.all([
    page(
      { studioId: PLATFORM_SCOPE, list: "operator-month-invoices", params: { month } },
      (options) => platformInvoice.query.platformInvoicesByMonth({ month }).go(options),
      query,
    ),
    monthTotals(month, now),
  ]);
  const studios = result.items.length ? await readMany(result.items.map((invoice) => itemOf(studio, { studioId: invoice.studioId }))) : [];
  const items: MonthInvoiceRow[] = result.items.map((invoice, i) => ({
    studioId: invoice.studioId,
    studioName: studios[i]?.name ?? null,
    studioSlug: studios[i]?.slug ?? null,
    pausedReason: studios[i]?.pausedReason ?? null,
    number: invoice.number,
    status: invoice.status,
    overdue: isOverdue(invoice, now),
    currency: invoice.currency,
    totalMinor: invoice.totalMinor,
    issuedOn: invoice.issuedOn,
    graceEndsOn: invoice.graceEndsOn,
    paidAt: invoice.paidAt ?? null,
    paidWith: invoice.paidWith ?? null,
    attempts: (invoice.attempts ?? []).length,
  }));
  return { month, totals, items, nextCursor: result.nextCursor };
}
