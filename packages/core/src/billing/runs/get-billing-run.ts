import { itemOf } from "../../kernel/db/read-together";
import { notFound } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { localParts } from "../../kernel/time/wall-clock";
import { billingDb } from "../billing-db";
import { toBillingRun, toBillingRunInvoice, type BillingRunWithInvoices } from "./billing-run-view";
import { readMany } from "../../kernel/db/read-many";

/**
 * A billing run with its invoices as summaries (admins), by account name: what each account was
 * drafted, for review before sending. Invoices deleted since are left out; the run's invoices and their
 * accounts are read by key (BatchGetItem).
 */
export async function getBillingRun(actor: Actor, studioId: string, runId: string): Promise<BillingRunWithInvoices> {
  const { billingRun, invoice, billingAccount } = billingDb().entities;
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(billingRun, { studioId, runId }));
  assertMay(member, "billing-run.manage");
  const [run] = records;
  if (!run) throw notFound("Billing run");
  const today = localParts(new Date(), studio.timeZone).date;
  const invoices = (
    await readMany(
      (run.invoiceIds ?? []).map((invoiceId) => itemOf(invoice, { studioId, invoiceId })),
      { consistent: true },
    )
  ).flatMap((i) => (i ? [i] : []));
  const accountIds = [...new Set(invoices.map((i) => i.accountId))];
  const accounts = new Map(
    (
      await readMany(
        accountIds.map((accountId) => itemOf(billingAccount, { studioId, accountId })),
        { consistent: true },
      )
    ).flatMap((a) => (a ? [[a.accountId, a] as const] : [])),
  );
  const views = invoices.map((i) => toBillingRunInvoice(i, accounts.get(i.accountId) ?? null, today));
  views.sort((a, b) => (a.accountName ?? "").localeCompare(b.accountName ?? "") || (a.id < b.id ? -1 : 1));
  return { ...toBillingRun(run, studio.currency), invoices: views };
}
