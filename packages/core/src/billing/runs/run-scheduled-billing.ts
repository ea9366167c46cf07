import { itemOf } from "../../kernel/db/read-together";
import { addDays, addMonths, localParts } from "../../kernel/time/wall-clock";
import { billingDb } from "../billing-db";
import type { BillingSettingsRecord } from "../settings/defaults";
import { BILLING_RUN_ACTOR, runBilling } from "./run-billing";
import { readMany } from "../../kernel/db/read-many";
import { monthPeriod } from "./schemas";

export interface ScheduledBillingSummary {
  /** Studios whose run day it is today in their own time zone. */
  studios: number;
  invoicesCreated: number;
  invoicesExtended: number;
  linesAdded: number;
  /** Studios (or accounts of them) that failed; the next run of the same period retries them. */
  failed: { studioId: string; error: string }[];
}

/** The period an automatic run bills on a local date: the previous or the current calendar month. */
export function autoRunPeriod(today: string, period: "previous_month" | "current_month") {
  return monthPeriod((period === "previous_month" ? addMonths(`${today.slice(0, 7)}-01`, -1) : today).slice(0, 7));
}

/**
 * The scheduled billing run (daily): every studio whose monthly run day (`autoRunDay`, "01"–"28")
 * is today in the studio's own time zone drafts its invoices for the previous or the current
 * month. Studios come from the `settingsByAutoRunDay` index: a studio's local date is the UTC
 * date or a day either side, so those three days' partitions are read and each studio's local
 * day is checked. Safe to run again the same day: the run of a period bills nothing twice.
 */
export async function runScheduledBilling({ now }: { now: Date }): Promise<ScheduledBillingSummary> {
  const { billingSettings, studio } = billingDb().entities;
  const utcDate = now.toISOString().slice(0, 10);
  const days = [...new Set([-1, 0, 1].map((d) => addDays(utcDate, d).slice(8, 10)))];
  const pages = await Promise.all(days.map((autoRunDay) => billingSettings.query.settingsByAutoRunDay({ autoRunDay }).go({ pages: "all" })));
  const candidates: BillingSettingsRecord[] = pages.flatMap((p) => p.data).filter((s) => s.autoRun?.enabled);
  const studios = await readMany(candidates.map((s) => itemOf(studio, { studioId: s.studioId })));

  const summary: ScheduledBillingSummary = { studios: 0, invoicesCreated: 0, invoicesExtended: 0, linesAdded: 0, failed: [] };
  for (const [index, settings] of candidates.entries()) {
    const record = studios[index];
    if (!record || record.deletedAt) continue;
    const today = localParts(now, record.timeZone).date;
    if (today.slice(8, 10) !== settings.autoRunDay) continue;
    summary.studios++;
    try {
      const run = await runBilling(settings.studioId, {
        ...autoRunPeriod(today, settings.autoRun!.period),
        trigger: "schedule",
        actorId: BILLING_RUN_ACTOR,
        now,
      });
      summary.invoicesCreated += run.invoicesCreated;
      summary.invoicesExtended += run.invoicesExtended;
      summary.linesAdded += run.linesAdded;
      for (const failure of run.failed) summary.failed.push({ studioId: settings.studioId, error: `account ${failure.accountId}: ${failure.error}` });
    } catch (error) {
      summary.failed.push({ studioId: settings.studioId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return summary;
}
