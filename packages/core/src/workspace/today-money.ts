import { billingDb } from "../billing";
import type { LocalDate } from "../kernel/time/wall-clock";

/**
 * The money an admin's Today shows, as of the studio's local `today`: the open invoices past their
 * due date (count and balance due; the same reading as the billing summary) and the payments
 * received this month, net of refunds. Two reads.
 */
export async function todayMoney(studioId: string, currency: string, today: LocalDate) {
  const { invoice, revenueMonth } = billingDb().entities;
  const [overdue, month] = await Promise.all([
    invoice.query
      .invoicesByState({ studioId, listState: "open" })
      .lt({ dueDate: today })
      .go({ pages: "all", attributes: ["balanceDueMinor"] }),
    revenueMonth.get({ studioId, month: today.slice(0, 7) }).go(),
  ]);
  return {
    currency,
    overdueCount: overdue.data.length,
    overdueMinor: overdue.data.reduce((sum, i) => sum + i.balanceDueMinor, 0),
    month: today.slice(0, 7),
    revenueThisMonthMinor: (month.data?.receivedMinor ?? 0) - (month.data?.refundedMinor ?? 0),
  };
}
export type TodayMoney = Awaited<ReturnType<typeof todayMoney>>;
