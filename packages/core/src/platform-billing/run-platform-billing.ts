import { readMany } from "../kernel/db/read-many";
import { itemOf } from "../kernel/db/read-together";
import { shiftMonth, usageMonthOf, type Month } from "../metering";
import { addDays, utcDate } from "./billing-ladder";
import { chargePlatformInvoice, type ChargeOutcome } from "./charge-invoice";
import { closeStudioMonth } from "./close-month";
import { platformBillingDb } from "./platform-billing-db";
import { sendSpendingAlerts } from "./spending-alerts";

/** How far back the job looks for charges due (a missed run catches up). */
const CHARGE_LOOKBACK_DAYS = 20;

export interface PlatformBillingRun {
  invoiced: number;
  charged: Record<ChargeOutcome, number>;
  alerts: number;
}

/**
 * Closes every studio's month that has ended in its zone: the studios metered in the UTC months
 * around now (metering's month index), whose local month is past it, without an invoice for it yet
 * (one BatchGetItem per 100). A studio is metered from its creation, so every studio gets its
 * invoice (nothing to pay within the free allowance).
 */
async function closeMonths(now: Date): Promise<number> {
  const entities = platformBillingDb().entities;
  const utcMonth = usageMonthOf(now, "UTC");
  let invoiced = 0;
  for (const month of [shiftMonth(utcMonth, -2), shiftMonth(utcMonth, -1), utcMonth] as Month[]) {
    const { data } = await entities.usageMonth.query.usageByMonth({ month }).go({ pages: "all", attributes: ["studioId"] });
    if (data.length === 0) continue;
    const studios = await readMany(data.map(({ studioId }) => itemOf(entities.studio, { studioId })));
    const ended = studios.filter((studio) => studio && !studio.deletedAt && usageMonthOf(now, studio.timeZone) > month);
    const invoices = await readMany(ended.map((studio) => itemOf(entities.platformInvoice, { studioId: studio!.studioId, month })));
    for (const [index, studio] of ended.entries()) {
      if (invoices[index]) continue;
      if (await closeStudioMonth(studio!.studioId, month, now)) invoiced++;
    }
  }
  return invoiced;
}

/** Charges the open invoices whose day has come (the sparse queue, one Query a day bucket). */
async function chargeDue(now: Date) {
  const charged: Record<ChargeOutcome, number> = { paid: 0, declined: 0, no_card: 0, error: 0, skipped: 0 };
  const today = utcDate(now);
  for (let back = CHARGE_LOOKBACK_DAYS; back >= 0; back--) {
    const chargeDay = addDays(today, -back);
    const { data } = await platformBillingDb()
      .entities.platformInvoice.query.platformChargesDue({ chargeDay })
      .go({ pages: "all", attributes: ["studioId", "month"] });
    for (const { studioId, month } of data) charged[await chargePlatformInvoice(studioId, month, { now })]++;
  }
  return charged;
}

/**
 * The platform billing job (hourly): closes the months that ended, charges what is due on the
 * dunning ladder (pausing a studio at its end), and sends the spending cap alerts. Every step is
 * conditional, so a second run at once, or the next hour's, does nothing twice.
 */
export async function runPlatformBilling(now: Date): Promise<PlatformBillingRun> {
  const invoiced = await closeMonths(now);
  const charged = await chargeDue(now);
  const alerts = await sendSpendingAlerts(now);
  return { invoiced, charged, alerts };
}
