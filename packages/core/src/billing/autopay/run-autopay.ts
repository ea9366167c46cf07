import { itemOf } from "../../kernel/db/read-together";
import { readMany } from "../../kernel/db/read-many";
import { addDays, localParts, zonedInstant } from "../../kernel/time/wall-clock";
import { billingDb } from "../billing-db";
import { REMIND_FROM } from "../dunning/perform-dunning-step";
import { chargeAutopay, type AutopayOutcome } from "./charge-autopay";

/** A run that missed the due date still charges within these days after it; older invoices are left to the reminders. */
const CATCH_UP_DAYS = 3;

/**
 * The autopay job (hourly): for each account on autopay (the sparse index), its open invoices due
 * today in the studio's zone (from REMIND_FROM on, as the reminders), or in the days a missed run
 * left, are charged to the saved card once each (charge-autopay.ts). Safe to run twice.
 */
export async function runAutopay(now: Date): Promise<Record<AutopayOutcome, number>> {
  const entities = billingDb().entities;
  const run: Record<AutopayOutcome, number> = { paid: 0, declined: 0, skipped: 0 };
  const { data: accounts } = await entities.accountCard.query.autopayAccounts({ autopayShard: "autopay" }).go({ pages: "all" });
  if (accounts.length === 0) return run;
  const studioIds = [...new Set(accounts.map((account) => account.studioId))];
  const studios = new Map(
    (await readMany(studioIds.map((studioId) => itemOf(entities.studio, { studioId })))).flatMap((s) => (s ? [[s.studioId, s] as const] : [])),
  );
  for (const account of accounts) {
    const studio = studios.get(account.studioId);
    if (!studio || studio.deletedAt) continue;
    const today = localParts(now, studio.timeZone).date;
    if (now < zonedInstant(today, REMIND_FROM, studio.timeZone)) continue;
    const { data: invoices } = await entities.invoice.query
      .invoicesByAccount({ studioId: account.studioId, accountId: account.accountId })
      .where((a, op) => `${op.eq(a.listState, "open")} AND ${op.lte(a.dueDate, today)} AND ${op.gte(a.dueDate, addDays(today, -CATCH_UP_DAYS))}`)
      .go({ pages: "all" });
    for (const invoice of invoices) run[await chargeAutopay(account.studioId, invoice.invoiceId, now)]++;
  }
  if (run.paid + run.declined > 0) console.log(JSON.stringify({ level: "info", message: "autopay", ...run }));
  return run;
}
