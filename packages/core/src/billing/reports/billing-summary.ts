import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { itemOf } from "../../kernel/db/read-together";
import { addDays, addMonths, daysBetween, localParts } from "../../kernel/time/wall-clock";
import { billingDb } from "../billing-db";

/** Months in the revenue table, the current one included. */
export const REVENUE_MONTHS = 12;

/** The `count` local months ending with `month` ("2027-03"), oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(`${month}-01`, i - count + 1).slice(0, 7));
}

/** Aging buckets by days past the due date (`to` inclusive; null: no upper bound). */
export const AGING_BUCKETS = [
  { fromDays: 0, toDays: 30 },
  { fromDays: 31, toDays: 60 },
  { fromDays: 61, toDays: 90 },
  { fromDays: 91, toDays: null },
] as const;

/**
 * The balance due of open invoices by how many days past their due date they are, as of `today`;
 * an invoice not yet due counts as 0 days, so the buckets add up to every open balance.
 */
export function agingOf(open: readonly { dueDate: string; balanceDueMinor: number }[], today: string) {
  const buckets = AGING_BUCKETS.map((b) => ({ ...b, balanceDueMinor: 0, invoiceCount: 0 }));
  for (const invoice of open) {
    const days = Math.max(0, daysBetween(invoice.dueDate, today));
    const bucket = buckets.find((b) => b.toDays === null || days <= b.toDays)!;
    bucket.balanceDueMinor += invoice.balanceDueMinor;
    bucket.invoiceCount += 1;
  }
  return buckets;
}

/**
 * The owner's view of the studio's money (admins), as of the studio's local today:
 * - `outstandingMinor`: what accounts owe, the sum of balances above zero (`owingAccountCount` of them);
 * - `creditHeldMinor`: money received and not yet allocated to an invoice, over all accounts;
 * - `overdueMinor` / `overdueCount`: the balance due of open invoices whose due date has passed;
 * - `revenueByMonth`: the last 12 local months (oldest first, months without payments as zeros):
 *   payments received, refunds paid and the net, by the month the money moved;
 * - `aging`: open balances by days past due (0–30, 31–60, 61–90, 90+; not yet due counts as 0).
 * Two queries (accounts, the open invoices) beside the membership read, which also reads the
 * revenue months: the studio's zone is not known before that read, so it reads the months the
 * studio's today can fall in (a day either side of UTC's: 13 months) and keeps the twelve.
 */
export async function billingSummary(actor: Actor, studioId: string) {
  const now = new Date();
  const { billingAccount, invoice, revenueMonth } = billingDb().entities;
  const latest = addDays(now.toISOString().slice(0, 10), 1).slice(0, 7);
  const candidates = monthsEndingWith(latest, REVENUE_MONTHS + 1);
  const { member, studio, records } = await loadMemberWith(actor, studioId, ...candidates.map((month) => itemOf(revenueMonth, { studioId, month })));
  assertMay(member, "billing-summary.view");
  const today = localParts(now, studio.timeZone).date;
  const months = monthsEndingWith(today.slice(0, 7), REVENUE_MONTHS);
  const [accounts, open] = await Promise.all([
    billingAccount.query.billingAccount({ studioId }).go({ pages: "all", attributes: ["balanceMinor", "creditMinor"] }),
    invoice.query.invoicesByState({ studioId, listState: "open" }).go({ pages: "all", attributes: ["balanceDueMinor", "dueDate"] }),
  ]);
  const overdue = open.data.filter((i) => i.dueDate < today);
  const owing = accounts.data.filter((a) => a.balanceMinor > 0);
  const byMonth = new Map(records.flatMap((r) => (r ? [[r.month, r] as const] : [])));
  return {
    currency: studio.currency,
    asOf: today,
    outstandingMinor: owing.reduce((sum, a) => sum + a.balanceMinor, 0),
    owingAccountCount: owing.length,
    creditHeldMinor: accounts.data.reduce((sum, a) => sum + a.creditMinor, 0),
    overdueMinor: overdue.reduce((sum, i) => sum + i.balanceDueMinor, 0),
    overdueCount: overdue.length,
    aging: agingOf(open.data, today),
    revenueByMonth: months.map((month) => {
      const r = byMonth.get(month);
      const receivedMinor = r?.receivedMinor ?? 0;
      const refundedMinor = r?.refundedMinor ?? 0;
      return { month, receivedMinor, refundedMinor, netMinor: receivedMinor - refundedMinor, paymentCount: r?.paymentCount ?? 0 };
    }),
  };
}
export type BillingSummary = Awaited<ReturnType<typeof billingSummary>>;
