import { failsWith } from "../../kernel/db/commit-writes";
import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { conflict, notFound } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { addDays, localParts } from "../../kernel/time/wall-clock";
import { AccountRace, postingWrites, withAccountRetry, type Posting } from "../accounts/post-to-ledger";
import { billingDb } from "../billing-db";
import { formatMoney } from "../money";
import { withBillingDefaults } from "../settings/defaults";
import { billingSettingsRead } from "../settings/read-settings";
import { commitInvoiceChange, historyEntry } from "./commit-invoice";
import { auditFields } from "./create-invoice";
import { billedKeysOf, checkedTotals, draftMoney, MAX_TRANSACTION_ITEMS, moveMarkers, releaseMarkers, splitMarkers, writeMarkerTail } from "./draft-lines";
import { invoiceRead, loadInvoiceFor } from "./invoice-access";
import { toInvoice, type Invoice, type InvoiceRecord } from "./invoice-view";
import type { VoidInvoiceInput } from "./schemas";

/**
 * Voids an issued invoice (admins): it stays on record with its number (numbers are never
 * reused) but owes nothing. One transaction: the ledger's `void` entry takes off everything it
 * charged and was not credited (total + late fee − credit notes), what was paid on it becomes
 * account credit (applied to the next invoice sent, or refunded), its pending reminder is
 * dropped. With `reissue`, a new draft copies its lines, discount and notes (totals at today's
 * tax rate) and takes over its billed lessons and plan months, ready to correct and send;
 * without, they are given back for the next billing run.
 */
export async function voidInvoice(actor: Actor, studioId: string, invoiceId: string, input: VoidInvoiceInput, now = new Date()): Promise<Invoice> {
  const { member } = await loadInvoiceFor(actor, studioId, invoiceId);
  assertMay(member, "invoice.void");
  return withAccountRetry(async () => {
    const { billingAccount, studio: studios } = billingDb().entities;
    const [record, studio, settingsRecord] = await readTogether(invoiceRead(studioId, invoiceId), itemOf(studios, { studioId }), billingSettingsRead(studioId));
    if (!record || !studio) throw notFound("Invoice");
    if (record.status === "draft") throw conflict("invoice.draft_not_voidable", "A draft is not voided: delete it, or edit it");
    if (record.status === "void") throw conflict("invoice.already_void", "The invoice is void already");
    const [account] = await readTogether(itemOf(billingAccount, { studioId, accountId: record.accountId }));
    if (!account) throw notFound("Billing account");
    const today = localParts(now, studio.timeZone).date;
    const money = (minor: number) => formatMoney(minor, record.currency, studio.country);
    const number = record.number!;

    const charged = record.totalMinor + record.lateFeeMinor - record.creditedMinor;
    const postings: Posting[] = [
      {
        type: "void",
        amountMinor: -charged,
        creditDeltaMinor: record.amountPaidMinor,
        description: `${number} voided: ${input.reason}`,
        invoiceId,
        actorId: actor.userId,
      },
    ];
    const reissue = input.reissue ? reissueDraft(record, withBillingDefaults(settingsRecord), today, now, actor.userId) : undefined;
    const history = [
      ...(record.history ?? []),
      historyEntry(
        "voided",
        `Voided: ${input.reason}${record.amountPaidMinor > 0 ? `; ${money(record.amountPaidMinor)} paid on it became account credit` : ""}${reissue ? "; reissued as a new draft" : ""}`,
        now,
        actor.userId,
      ),
    ];
    const after: InvoiceRecord = {
      ...record,
      status: "void",
      listState: "closed",
      balanceDueMinor: 0,
      voidedAt: now.toISOString(),
      voidReason: input.reason,
      history,
      nextDunningDay: undefined,
      nextDunningStep: undefined,
      ...(reissue ? { replacedByInvoiceId: reissue.invoiceId } : {}),
      updatedBy: actor.userId,
      updatedAt: now.toISOString(),
    };
    // account, ledger, invoice, reminder, audit; a reissue: its draft and audit.
    const markers = splitMarkers(billedKeysOf(record.lines), MAX_TRANSACTION_ITEMS - (1 + postings.length + 3) - (reissue ? 2 : 0));
    const markerWrites = (tx: Parameters<Parameters<typeof writeMarkerTail>[1]>[0], keys: string[]) =>
      reissue ? moveMarkers(tx, studioId, record.accountId, invoiceId, reissue.invoiceId, keys) : releaseMarkers(tx, studioId, invoiceId, keys);
    await commitInvoiceChange((tx) => [
      ...postingWrites(tx, account, postings, now),
      failsWith(
        tx.invoice
          .patch({ studioId, invoiceId })
          .set({
            status: "void",
            listState: "closed",
            balanceDueMinor: 0,
            voidedAt: after.voidedAt,
            voidReason: input.reason,
            history,
            ...(reissue ? { replacedByInvoiceId: reissue.invoiceId } : {}),
            updatedBy: actor.userId,
          })
          .remove(["nextDunningDay", "nextDunningStep"])
          .where((a, op) => `${op.eq(a.updatedAt, record.updatedAt)} AND ${op.ne(a.status, "void")}`)
          .commit(),
        () => new AccountRace(),
      ),
      ...(record.nextDunningDay ? [tx.dunningDue.delete({ day: record.nextDunningDay, studioId, invoiceId }).commit()] : []),
      recordAudit(tx, {
        studioId,
        actorId: actor.userId,
        action: "invoice.voided",
        entityType: "invoice",
        entityId: invoiceId,
        before: auditFields(record),
        after: { ...auditFields(after), voidReason: input.reason },
      }),
      ...(reissue
        ? [
            tx.invoice.create(reissue).commit(),
            recordAudit(tx, {
              studioId,
              actorId: actor.userId,
              action: "invoice.created",
              entityType: "invoice",
              entityId: reissue.invoiceId,
              after: auditFields(reissue),
            }),
          ]
        : []),
      ...markerWrites(tx, markers.now),
    ]);
    await writeMarkerTail(markers.later, markerWrites);
    return toInvoice(after, today);
  });
}

/** The draft that reissues a void invoice: its lines (new ids, same billed markers), discount and notes, dated today. */
function reissueDraft(record: InvoiceRecord, settings: ReturnType<typeof withBillingDefaults>, today: string, now: Date, actorId: string): InvoiceRecord {
  const lines = record.lines.map((line) => ({ ...line, lineId: uuidv7() }));
  const totals = checkedTotals(lines, record.discount, settings.taxRateMillipercent);
  const stamp = now.toISOString();
  return {
    studioId: record.studioId,
    invoiceId: uuidv7(),
    accountId: record.accountId,
    status: "draft",
    listState: "draft",
    currency: record.currency,
    issueDate: today,
    dueDate: addDays(today, settings.paymentTermsDays),
    ...(record.periodStart ? { periodStart: record.periodStart } : {}),
    ...(record.periodEnd ? { periodEnd: record.periodEnd } : {}),
    lines,
    ...(record.discount ? { discount: record.discount } : {}),
    ...draftMoney(totals, settings),
    ...(record.notes ? { notes: record.notes } : {}),
    replacesInvoiceId: record.invoiceId,
    history: [historyEntry("drafted", `Drafted to reissue ${record.number}`, now, actorId)],
    createdBy: actorId,
    updatedBy: actorId,
    createdAt: stamp,
    updatedAt: stamp,
  };
}
