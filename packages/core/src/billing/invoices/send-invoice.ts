import { failsWith } from "../../kernel/db/commit-writes";
import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { emailBrand, invoiceSentMessage } from "../../email";
import { conflict, notFound } from "../../kernel/errors";
import { outboxEmails, type OutboxEmail } from "../../outbox";
import { invoiceNotice } from "./invoice-notice";
import { assertMay, type Actor } from "../../policy";
import { addDays, localParts } from "../../kernel/time/wall-clock";
import type { StudioRecord } from "../../studios/module";
import { billingContacts, type BillingContact } from "../accounts/billing-contacts";
import { AccountRace, postingWrites, withAccountRetry, type BillingAccountRecord, type Posting } from "../accounts/post-to-ledger";
import { billingDb } from "../billing-db";
import { nextDunningStep } from "../dunning/steps";
import { formatMoney } from "../money";
import { withBillingDefaults } from "../settings/defaults";
import { billingSettingsRead } from "../settings/read-settings";
import { commitInvoiceChange, dueDateFixed, historyEntry, invoiceNumber } from "./commit-invoice";
import { auditFields } from "./create-invoice";
import { loadInvoiceFor } from "./invoice-access";
import { statusFields } from "./invoice-state";
import { INVOICE_LINK_DAYS, invoiceUrl, mintInvoiceToken } from "./invoice-token";
import type { SentInvoice } from "./invoice-schema";
import { toInvoice, type InvoiceRecord } from "./invoice-view";

/**
 * Concurrent sends in one studio all want the next number: each try loses only to a send that
 * committed, so a burst of N sends needs up to N rounds.
 */
const SEND_TRIES = 60;

export interface SendOptions {
  /** Who sends (audit and history); the billing run's starter, or none for the scheduled run. */
  actorId?: string;
  now?: Date;
}

export type { SentInvoice };

interface Issued {
  record: InvoiceRecord;
  studio: StudioRecord;
  account: BillingAccountRecord;
  contacts: BillingContact[];
  creditAppliedMinor: number;
  /** false: it was issued before (a resend), or by a concurrent send of the same draft. */
  issuedNow: boolean;
  /** false when a concurrent send of the same draft issued it: that send emails. */
  email: boolean;
}

/**
 * Sends an invoice (admins; see `issueAndSendInvoice`). Members who can see the invoice are
 * refused with 403, anyone else gets 404.
 */
export async function sendInvoice(actor: Actor, studioId: string, invoiceId: string, now = new Date()): Promise<SentInvoice> {
  const { member } = await loadInvoiceFor(actor, studioId, invoiceId);
  assertMay(member, "invoice.send");
  return issueAndSendInvoice(studioId, invoiceId, { actorId: actor.userId, now });
}

/**
 * Issues a draft and emails it, without permission checks (the billing run sends its drafts
 * with it). In ONE transaction: the studio's next gapless number (the counter is written on
 * condition that it still holds the number read, so concurrent sends serialise and no number is
 * skipped or given twice), issue date = today (studio time zone), due date = today + payment
 * terms unless the draft's was set by hand, the ledger posting of the total, the account's
 * credit applied to it (as a payment: `credit_applied`), its status, and its first dunning step.
 * The same transaction enqueues (outbox) the summary to every billing contact, with a signed link
 * to the public invoice page (valid 120 days). An invoice issued before is emailed again with a
 * fresh link (noted on its history, in one transaction with the emails); a void one is a 409.
 */
export async function issueAndSendInvoice(studioId: string, invoiceId: string, options: SendOptions = {}): Promise<SentInvoice> {
  const now = options.now ?? new Date();
  const seen: SendState = { sawDraft: false };
  const issued = await withAccountRetry(() => issueOnce(studioId, invoiceId, options.actorId, now, seen), SEND_TRIES);
  let { record } = issued;
  if (!issued.issuedNow && issued.email) record = await resend(issued, now, options.actorId);
  const emailedTo = issued.email ? issued.contacts.map((c) => c.email) : [];
  return { ...toInvoice(record, localParts(now, issued.studio.timeZone).date), emailedTo };
}

/** What one send keeps across its tries: whether it saw the draft, the account's id and contacts (read once). */
interface SendState {
  sawDraft: boolean;
  accountId?: string;
  contacts?: BillingContact[];
}

async function issueOnce(studioId: string, invoiceId: string, actorId: string | undefined, now: Date, seen: SendState): Promise<Issued> {
  const { invoice: invoices, studio: studios, invoiceCounter, billingAccount } = billingDb().entities;
  const reads = [
    itemOf(invoices, { studioId, invoiceId }),
    itemOf(studios, { studioId }),
    billingSettingsRead(studioId),
    itemOf(invoiceCounter, { studioId }),
  ] as const;
  // A retry knows the account already: everything in one read.
  const [record, studio, settingsRecord, counter, known] = seen.accountId
    ? await readTogether(...reads, itemOf(billingAccount, { studioId, accountId: seen.accountId }))
    : [...(await readTogether(...reads)), null];
  if (!record || !studio) throw notFound("Invoice");
  if (record.status === "void") throw conflict("invoice.void", "A void invoice cannot be sent; send the invoice that replaces it");
  const account = known?.accountId === record.accountId ? known : (await readTogether(itemOf(billingAccount, { studioId, accountId: record.accountId })))[0];
  if (!account) throw notFound("Billing account");
  seen.accountId = account.accountId;
  seen.contacts ??= await billingContacts(account);
  const contacts = seen.contacts;
  if (record.status !== "draft") return { record, studio, account, contacts, creditAppliedMinor: 0, issuedNow: false, email: !seen.sawDraft };
  seen.sawDraft = true;

  if (record.lines.length === 0) throw conflict("invoice.empty", "An invoice needs at least one line to be sent", "lines");
  const settings = withBillingDefaults(settingsRecord);
  const today = localParts(now, studio.timeZone).date;
  const dueDate = dueDateFixed(record) ? record.dueDate : addDays(today, settings.paymentTermsDays);
  if (dueDate < today) throw conflict("invoice.due_date_passed", `The due date ${dueDate} has passed; change it before sending`, "dueDate");
  const sequence = (counter?.lastSequence ?? 0) + 1;
  const number = invoiceNumber(sequence);
  const creditAppliedMinor = Math.max(0, Math.min(account.creditMinor, record.totalMinor));
  const amounts = { totalMinor: record.totalMinor, lateFeeMinor: 0, amountPaidMinor: creditAppliedMinor, creditedMinor: 0, dueDate };
  const state = statusFields(amounts, today);
  const next = state.listState === "open" ? nextDunningStep({ issueDate: today, dueDate, dunningSteps: [] }, settings) : null;
  const money = (minor: number) => formatMoney(minor, record.currency, studio.country);

  const postings: Posting[] = [{ type: "invoice", amountMinor: record.totalMinor, description: `Invoice ${number}`, invoiceId, actorId }];
  if (creditAppliedMinor > 0) {
    postings.push({
      type: "credit_applied",
      amountMinor: 0,
      creditDeltaMinor: -creditAppliedMinor,
      description: `Account credit applied to ${number}`,
      invoiceId,
      actorId,
    });
  }
  const sentTo = contacts.map((c) => c.email).join(", ");
  const history = [
    ...(record.history ?? []),
    historyEntry(
      "sent",
      sentTo ? `Issued as ${number} and emailed to ${sentTo}` : `Issued as ${number}; no billing contact has an email address`,
      now,
      actorId,
    ),
    ...(creditAppliedMinor > 0 ? [historyEntry("credit_applied", `Account credit of ${money(creditAppliedMinor)} applied`, now, actorId)] : []),
  ];
  // What issuing sets on the invoice: written by the transaction, and returned as the record after it.
  const issuedFields = {
    number,
    sequence,
    issueDate: today,
    dueDate,
    amountPaidMinor: creditAppliedMinor,
    ...state,
    sentAt: now.toISOString(),
    history,
    dunningSteps: [],
    ...(next ? { nextDunningDay: next.day, nextDunningStep: next.step } : {}),
    ...(actorId ? { updatedBy: actorId } : {}),
  };
  const after: InvoiceRecord = { ...record, ...issuedFields, updatedAt: now.toISOString() };
  const issued: Issued = { record: after, studio, account, contacts, creditAppliedMinor, issuedNow: true, email: true };
  const emails = invoiceEmails(issued, "sent", now);

  await commitInvoiceChange((tx) => [
    ...postingWrites(tx, account, postings, now),
    ...failsWith(
      [
        counter
          ? tx.invoiceCounter
              .patch({ studioId })
              .set({ lastSequence: sequence })
              .where((a, op) => op.eq(a.lastSequence, counter.lastSequence))
              .commit()
          : tx.invoiceCounter.create({ studioId, lastSequence: sequence }).commit(),
        tx.invoice
          .patch({ studioId, invoiceId })
          .set(issuedFields)
          .where((a, op) => `${op.eq(a.status, "draft")} AND ${op.eq(a.updatedAt, record.updatedAt)}`)
          .commit(),
      ],
      () => new AccountRace(),
    ),
    ...(next ? [tx.dunningDue.create({ day: next.day, studioId, invoiceId, step: next.step }).commit()] : []),
    recordAudit(tx, {
      studioId,
      actorId: actorId ?? "system",
      action: "invoice.sent",
      entityType: "invoice",
      entityId: invoiceId,
      before: auditFields(record),
      after: auditFields(after),
    }),
    ...outboxEmails(tx, emails, now),
  ]);
  return issued;
}

/** A resend: the note on the invoice's history and the emails (outbox), in one transaction. */
async function resend(issued: Issued, now: Date, actorId?: string): Promise<InvoiceRecord> {
  const { record, contacts } = issued;
  const sentTo = contacts.map((c) => c.email).join(", ");
  const entry = historyEntry("resent", sentTo ? `Emailed again to ${sentTo}` : "Not emailed again: no billing contact has an email address", now, actorId);
  const emails = invoiceEmails(issued, `resent#${now.toISOString()}`, now);
  await commitInvoiceChange((tx) => [
    tx.invoice
      .patch({ studioId: record.studioId, invoiceId: record.invoiceId })
      .append({ history: [entry] })
      .commit(),
    ...outboxEmails(tx, emails, now),
  ]);
  return { ...record, history: [...(record.history ?? []), entry], updatedAt: now.toISOString() };
}

/** The invoice email to each billing contact, with a fresh signed link (`step` tells a send from each resend). */
function invoiceEmails(issued: Issued, step: string, now: Date): OutboxEmail[] {
  const { record, studio, account, contacts } = issued;
  const url = invoiceUrl(studio, mintInvoiceToken(studio.studioId, record.invoiceId, now));
  const money = (minor: number) => formatMoney(minor, record.currency, studio.country);
  const today = localParts(now, studio.timeZone).date;
  const balance = statusFields(record, today).balanceDueMinor;
  return contacts.map((contact) => ({
    scope: studio.studioId,
    messageId: `invoice#${record.invoiceId}#${step}#${contact.email.toLowerCase()}`,
    to: contact.email,
    brand: emailBrand(studio),
    notice: invoiceNotice(studio, record.invoiceId),
    email: invoiceSentMessage({
      studioName: studio.name,
      greetingName: contact.greetingName,
      accountName: account.name,
      number: record.number!,
      issueDate: record.issueDate,
      dueDate: record.dueDate,
      total: money(record.totalMinor),
      amountDue: money(Math.max(0, balance)),
      ...(issued.creditAppliedMinor > 0 ? { creditApplied: money(issued.creditAppliedMinor) } : {}),
      lines: record.lines.map((l) => ({
        description: l.quantity === 1 ? l.description : `${l.description} (${l.quantity} × ${money(l.unitPriceMinor)})`,
        amount: money(l.totalMinor),
      })),
      paid: balance <= 0,
      again: !issued.issuedNow,
      url,
      linkDays: INVOICE_LINK_DAYS,
    }),
  }));
}
