import { loadMemberWith, requireStudioAdmin, type Actor } from "../../policy";
import { addMonths, localParts } from "../../scheduling/wall-clock";
import { billingDb } from "../billing-db";

/** Months in the revenue table, the current one included. */
export const REVENUE_MONTHS = 12;

/** The `count` local months ending with `month` ("2027-03"), oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(`${month}-01`, i - count + 1).slice(0, 7));
}

/**
 * The owner's view of the studio's money (admins), as of the studio's local today:
 * - `outstandingMinor`: what accounts owe, the sum of balances above zero (`owingAccountCount` of them);
 * - `creditHeldMinor`: money received and not yet allocated to an invoice, over all accounts;
 * - `overdueMinor` / `overdueCount`: the balance due of open invoices whose due date has passed;
 * - `revenueByMonth`: the last 12 local months (oldest first, months without payments as zeros):
 *   payments received, refunds paid and the net, by the month the money moved.
 * Three queries (accounts, the open invoices due before today, the revenue months) beside the
 * membership read.
 */
export async function billingSummary(actor: Actor, studioId: string) {
  const { member, studio } = await loadMemberWith(actor, studioId);
  requireStudioAdmin(member);
  const today = localParts(new Date(), studio.timeZone).date;
  const months = monthsEndingWith(today.slice(0, 7), REVENUE_MONTHS);
  const { billingAccount, invoice, revenueMonth } = billingDb().entities;
  const [accounts, overdue, revenue] = await Promise.all([
    billingAccount.query.billingAccount({ studioId }).go({ pages: "all", attributes: ["balanceMinor", "creditMinor"] }),
    invoice.query
      .invoicesByState({ studioId, listState: "open" })
      .lt({ dueDate: today })
      .go({ pages: "all", attributes: ["balanceDueMinor"] }),
    revenueMonth.query
      .revenueMonth({ studioId })
      .between({ month: months[0]! }, { month: months.at(-1)! })
      .go({ pages: "all" }),
  ]);
  const owing = accounts.data.filter((a) => a.balanceMinor > 0);
  const byMonth = new Map(revenue.data.map((r) => [r.month, r]));
  return {
    currency: studio.currency,
    asOf: today,
    outstandingMinor: owing.reduce((sum, a) => sum + a.balanceMinor, 0),
    owingAccountCount: owing.length,
    creditHeldMinor: accounts.data.reduce((sum, a) => sum + a.creditMinor, 0),
    overdueMinor: overdue.data.reduce((sum, i) => sum + i.balanceDueMinor, 0),
    overdueCount: overdue.data.length,
    revenueByMonth: months.map((month) => {
      const r = byMonth.get(month);
      const receivedMinor = r?.receivedMinor ?? 0;
      const refundedMinor = r?.refundedMinor ?? 0;
      return { month, receivedMinor, refundedMinor, netMinor: receivedMinor - refundedMinor, paymentCount: r?.paymentCount ?? 0 };
    }),
  };
}
export type BillingSummary = Awaited<ReturnType<typeof billingSummary>>;
