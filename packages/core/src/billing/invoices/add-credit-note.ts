import { failsWith } from "../../kernel/db/commit-writes";
import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { conflict, invalidField, notFound } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { localParts } from "../../kernel/time/wall-clock";
import { AccountRace, postingWrites, withAccountRetry, type Posting } from "../accounts/post-to-ledger";
import { billingDb } from "../billing-db";
import { formatMoney } from "../money";
import { commitInvoiceChange, historyEntry } from "./commit-invoice";
import { invoiceRead, loadInvoiceFor } from "./invoice-access";
import { balanceDue, statusFields } from "./invoice-state";
import { toInvoice, type Invoice, type InvoiceRecord } from "./invoice-view";
import type { CreditNoteInput } from "./schemas";

/**
 * A credit note against an issued invoice (admins): lowers what the account owes by `amountMinor`
 * without changing the invoice's content. At most what the invoice charged and was not credited
 * yet (total + late fee − credit notes). It first reduces the invoice's balance due; what goes
 * beyond it (the invoice was paid) turns that much of what was paid on it into account credit
 * (`amountPaidMinor` goes down, the account's credit up), so the balance due never goes below 0.
 * One transaction: ledger `credit_note`, the invoice's amounts and status, its reminder dropped
 * when it is settled, audit.
 */
export async function addCreditNote(actor: Actor, studioId: string, invoiceId: string, input: CreditNoteInput, now = new Date()): Promise<Invoice> {
  const { member } = await loadInvoiceFor(actor, studioId, invoiceId);
  assertMay(member, "invoice.credit");
  return withAccountRetry(async () => {
    const { billingAccount, studio: studios } = billingDb().entities;
    const [record, studio] = await readTogether(invoiceRead(studioId, invoiceId), itemOf(studios, { studioId }));
    if (!record || !studio) throw notFound("Invoice");
    if (record.status === "draft") throw conflict("invoice.draft_not_creditable", "A draft is not credited: edit it");
    if (record.status === "void") throw conflict("invoice.void", "A void invoice cannot be credited");
    const creditable = record.totalMinor + record.lateFeeMinor - record.creditedMinor;
    if (creditable <= 0) throw conflict("invoice.fully_credited", "The invoice is credited in full already");
    if (input.amountMinor > creditable) throw invalidField("amountMinor", `must be at most ${creditable}, what the invoice charged and was not credited yet`);
    const [account] = await readTogether(itemOf(billingAccount, { studioId, accountId: record.accountId }));
    if (!account) throw notFound("Billing account");

    const today = localParts(now, studio.timeZone).date;
    const owed = Math.max(0, balanceDue(record));
    const beyond = input.amountMinor - Math.min(input.amountMinor, owed);
    const amounts = {
      totalMinor: record.totalMinor,
      lateFeeMinor: record.lateFeeMinor,
      amountPaidMinor: record.amountPaidMinor - beyond,
      creditedMinor: record.creditedMinor + input.amountMinor,
      dueDate: record.dueDate,
    };
    const state = statusFields(amounts, today);
    const settled = state.listState === "closed";
    const money = (minor: number) => formatMoney(minor, record.currency, studio.country);
    const postings: Posting[] = [
      {
        type: "credit_note",
        amountMinor: -input.amountMinor,
        creditDeltaMinor: beyond,
        description: `Credit note on ${record.number}: ${input.reason}`,
        invoiceId,
        actorId: actor.userId,
      },
    ];
    const history = [
      ...(record.history ?? []),
      historyEntry(
        "credit_note",
        `Credit note of ${money(input.amountMinor)}: ${input.reason}${beyond > 0 ? `; ${money(beyond)} of what was paid became account credit` : ""}`,
        now,
        actor.userId,
      ),
    ];
    const after: InvoiceRecord = {
      ...record,
      amountPaidMinor: amounts.amountPaidMinor,
      creditedMinor: amounts.creditedMinor,
      ...state,
      history,
      ...(settled ? { nextDunningDay: undefined, nextDunningStep: undefined } : {}),
      updatedBy: actor.userId,
      updatedAt: now.toISOString(),
    };
    await commitInvoiceChange((tx) => {
      const patch = tx.invoice
        .patch({ studioId, invoiceId })
        .set({ amountPaidMinor: amounts.amountPaidMinor, creditedMinor: amounts.creditedMinor, ...state, history, updatedBy: actor.userId });
      return [
        ...postingWrites(tx, account, postings, now),
        failsWith(
          (settled ? patch.remove(["nextDunningDay", "nextDunningStep"]) : patch).where((a, op) => op.eq(a.updatedAt, record.updatedAt)).commit(),
          () => new AccountRace(),
        ),
        ...(settled && record.nextDunningDay ? [tx.dunningDue.delete({ day: record.nextDunningDay, studioId, invoiceId }).commit()] : []),
        recordAudit(tx, {
          studioId,
          actorId: actor.userId,
          action: "invoice.credited",
          entityType: "invoice",
          entityId: invoiceId,
          before: { creditedMinor: record.creditedMinor, amountPaidMinor: record.amountPaidMinor, status: record.status },
          after: { creditedMinor: after.creditedMinor, amountPaidMinor: after.amountPaidMinor, status: after.status, reason: input.reason },
        }),
      ];
    });
    return toInvoice(after, today);
  });
}
