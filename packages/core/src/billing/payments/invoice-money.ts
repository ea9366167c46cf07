import { itemOf, readTogether } from "../../kernel/db/read-together";
import { billingDb, type BillingTx } from "../billing-db";
import { nextDunningStep } from "../dunning/steps";
import { statusFields } from "../invoices/invoice-state";
import type { InvoiceRecord } from "../invoices/invoice-view";
import type { BillingSettings } from "../settings/defaults";

export type InvoiceHistoryEntry = NonNullable<InvoiceRecord["history"]>[number];

/** DynamoDB's limit on one transaction is 100 items; a payment or refund touches at most this many invoices (two items each). */
export const MAX_INVOICES_PER_CHANGE = 40;

/** Issued, not void, not paid off: where money can go. */
export const isOpen = (invoice: InvoiceRecord) => invoice.listState === "open" && invoice.status !== "void" && invoice.status !== "draft";

/** Oldest due first, then oldest issued (ids are UUIDv7). */
export const byDueDate = (a: InvoiceRecord, b: InvoiceRecord) => a.dueDate.localeCompare(b.dueDate) || a.invoiceId.localeCompare(b.invoiceId);

/** Strongly consistent reads of invoices by id (BatchGet, 100 keys at a time); missing ones are dropped. */
export async function readInvoices(studioId: string, invoiceIds: string[]): Promise<InvoiceRecord[]> {
  const { invoice } = billingDb().entities;
  const out: InvoiceRecord[] = [];
  const ids = [...new Set(invoiceIds)];
  for (let i = 0; i < ids.length; i += 100) {
    const records = await readTogether(...ids.slice(i, i + 100).map((invoiceId) => itemOf(invoice, { studioId, invoiceId })));
    for (const r of records) if (r) out.push(r);
  }
  return out;
}

/**
 * An account's invoices in one state (one query of `invoicesByAccount`, filtered), then re-read by
 * key: the index is eventually consistent, and money must move on current amounts.
 */
export async function accountInvoices(studioId: string, accountId: string, state: "open" | "issued"): Promise<InvoiceRecord[]> {
  const { data } = await billingDb()
    .entities.invoice.query.invoicesByAccount({ studioId, accountId })
    .where((a, op) => (state === "open" ? op.eq(a.listState, "open") : `${op.ne(a.listState, "draft")} AND ${op.ne(a.status, "void")}`))
    .go({ pages: "all", attributes: ["invoiceId"] });
  const fresh = await readInvoices(
    studioId,
    data.map((i) => i.invoiceId),
  );
  return fresh.filter((i) => i.accountId === accountId && (state === "open" ? isOpen(i) : i.status !== "void" && i.status !== "draft"));
}

export interface PaidChange {
  /** The invoice's new amount paid. */
  amountPaidMinor: number;
  /** The studio's local date (statuses and dunning). */
  today: string;
  entry: InvoiceHistoryEntry;
  actorId?: string;
  /** Needed when the change can re-open a paid invoice: its reminders resume from today. */
  settings?: Pick<BillingSettings, "dunning" | "lateFee">;
}

/**
 * The transaction items that change what was paid on an issued invoice: amounts, status and index
 * state together (`statusFields`), a history entry, and its dunning: paid off → its pending
 * DunningDue is deleted and `nextDunningDay/Step` removed; re-opened → the next step from today
 * is scheduled. The update is conditional on the amounts, status and pending step read, so a
 * concurrent change to the invoice makes the caller's transaction fail (and retry).
 */
export function invoicePaidWrites(tx: BillingTx, invoice: InvoiceRecord, change: PaidChange) {
  const { studioId, invoiceId } = invoice;
  const fields = statusFields({ ...invoice, amountPaidMinor: change.amountPaidMinor }, change.today);
  const closes = invoice.listState === "open" && fields.listState !== "open";
  const reopens = invoice.listState !== "open" && fields.listState === "open";
  const next = reopens && change.settings ? nextDunningStep(invoice, change.settings, { from: change.today }) : null;
  const set = {
    amountPaidMinor: change.amountPaidMinor,
    ...fields,
    ...(next ? { nextDunningDay: next.day, nextDunningStep: next.step } : {}),
    ...(change.actorId ? { updatedBy: change.actorId } : {}),
  };
  let update = tx.invoice
    .patch({ studioId, invoiceId })
    .set(set)
    .append({ history: [change.entry] });
  if (closes && invoice.nextDunningDay) update = update.remove(["nextDunningDay", "nextDunningStep"]);
  const writes = [
    update
      .where((a, op) =>
        [
          op.eq(a.amountPaidMinor, invoice.amountPaidMinor),
          op.eq(a.creditedMinor, invoice.creditedMinor),
          op.eq(a.lateFeeMinor, invoice.lateFeeMinor),
          op.eq(a.status, invoice.status),
          invoice.nextDunningDay ? op.eq(a.nextDunningDay, invoice.nextDunningDay) : op.notExists(a.nextDunningDay),
        ].join(" AND "),
      )
      .commit(),
  ];
  if (closes && invoice.nextDunningDay) writes.push(tx.dunningDue.delete({ day: invoice.nextDunningDay, studioId, invoiceId }).commit());
  if (next) writes.push(tx.dunningDue.put({ day: next.day, studioId, invoiceId, step: next.step }).commit());
  const after: InvoiceRecord = { ...invoice, ...set };
  if (closes) {
    delete after.nextDunningDay;
    delete after.nextDunningStep;
  }
  return { writes, after };
}
