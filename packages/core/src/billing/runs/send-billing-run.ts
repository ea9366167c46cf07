import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { commitWrites } from "../../kernel/db/commit-writes";
import { notFound } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { issueAndSendInvoice } from "../invoices/send-invoice";
import type { BillingRunSent } from "./billing-run-schema";
import { toBillingRun } from "./billing-run-view";
import { inPool, readMany } from "../../kernel/db/read-many";

/** Sends of one request at a time: they all take the studio's next invoice number, so more only retry more. */
const CONCURRENCY = 4;
/** A request stops starting sends after this long (API Gateway answers after 30 s); sending again goes on with the rest. */
const TIME_BUDGET_MS = 20_000;

export type { BillingRunSent };

/**
 * Sends every invoice of a run that is still a draft (admins), each as `issueAndSendInvoice`
 * does it: the next number, the ledger posting, the first dunning step, and the email to the
 * account's billing contacts. Invoices the owner already sent, voided or deleted are left alone.
 * One invoice failing (e.g. a due date set in the past) is reported and the others go on. When no
 * draft is left, the run's status becomes "sent".
 */
export async function sendBillingRun(actor: Actor, studioId: string, runId: string, options: { now?: Date; budgetMs?: number } = {}): Promise<BillingRunSent> {
  const started = Date.now();
  const { billingRun, invoice } = billingDb().entities;
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(billingRun, { studioId, runId }));
  assertMay(member, "billing-run.manage");
  const [run] = records;
  if (!run) throw notFound("Billing run");

  const invoices = await readMany(
    (run.invoiceIds ?? []).map((invoiceId) => itemOf(invoice, { studioId, invoiceId })),
    { consistent: true },
  );
  const drafts = invoices.flatMap((i) => (i && i.status === "draft" ? [i.invoiceId] : []));
  const sent: BillingRunSent["sent"] = [];
  const failed: BillingRunSent["failed"] = [];
  let remaining = 0;
  const budget = options.budgetMs ?? TIME_BUDGET_MS;
  await inPool(drafts, CONCURRENCY, async (invoiceId) => {
    if (Date.now() - started > budget) {
      remaining++;
      return;
    }
    try {
      const result = await issueAndSendInvoice(studioId, invoiceId, { actorId: actor.userId, now: options.now });
      sent.push({ invoiceId, number: result.number!, emailedTo: result.emailedTo });
    } catch (error) {
      failed.push({ invoiceId, error: error instanceof Error ? error.message : String(error) });
    }
  });
  sent.sort((a, b) => (a.number < b.number ? -1 : 1));

  let record = run;
  if (remaining === 0 && failed.length === 0 && run.status !== "sent") {
    await commitWrites(billingDb, (tx) => [
      tx.billingRun.patch({ studioId, runId }).set({ status: "sent" }).commit(),
      recordAudit(tx, {
        studioId,
        actorId: actor.userId,
        action: "billingRun.sent",
        entityType: "billingRun",
        entityId: runId,
        before: { status: run.status },
        after: { status: "sent", invoicesSent: sent.length },
      }),
    ]);
    record = (await billingRun.get({ studioId, runId }).go({ consistent: true })).data!;
  }
  return { ...toBillingRun(record, studio.currency), sent, failed, remaining };
}
