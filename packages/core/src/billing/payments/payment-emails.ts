import { config } from "../../kernel/config";
import { notice, portalPath } from "../../notifications";
import { emailBrand, paymentReceiptMessage, refundIssuedMessage, type BrandedStudio, type RenderedEmail } from "../../email";
import type { OutboxEmail } from "../../outbox";
import { localParts } from "../../kernel/time/wall-clock";
import type { BillingContact } from "../accounts/billing-contacts";
import type { BillingAccountRecord } from "../accounts/post-to-ledger";
import { invoiceUrl, mintInvoiceToken } from "../invoices/invoice-token";
import { balanceDue } from "../invoices/invoice-state";
import { formatMoney } from "../money";
import type { InvoiceRecord } from "../invoices/invoice-view";
import type { PaymentMethod } from "./payment.entity";
import type { PaymentRecord } from "./payment-view";

export interface StudioForMail extends BrandedStudio {
  studioId: string;
  timeZone: string;
  currency: string;
  country?: string | null;
}

/** A payment method in words. */
export const METHOD_WORDS: Record<PaymentMethod, string> = { cash: "cash", check: "check", bank_transfer: "bank transfer", card: "card", other: "other means" };

/** An account's balance in words: "£12.00 owed", "nothing owed", "£5.00 in credit". */
export function balanceWords(balanceMinor: number, studio: Pick<StudioForMail, "currency" | "country">): string {
  if (balanceMinor > 0) return `${formatMoney(balanceMinor, studio.currency, studio.country)} owed`;
  if (balanceMinor < 0) return `${formatMoney(-balanceMinor, studio.currency, studio.country)} in credit`;
  return "nothing owed";
}

/** Where an email about money points: the first invoice's public page (a fresh signed link), else the studio's page. */
function linkFor(studio: StudioForMail, invoice: InvoiceRecord | undefined, now: Date) {
  if (invoice) return { url: invoiceUrl(studio, mintInvoiceToken(studio.studioId, invoice.invoiceId, now)), actionLabel: "View the invoice" };
  return { url: `${config().webUrl}/${studio.slug}`, actionLabel: `Visit ${studio.name}` };
}

const toContacts = (studio: StudioForMail, messageId: string, contacts: BillingContact[], render: (greetingName: string) => RenderedEmail): OutboxEmail[] =>
  contacts.map((c) => ({
    scope: studio.studioId,
    messageId: `${messageId}#${c.email.toLowerCase()}`,
    to: c.email,
    email: render(c.greetingName),
    brand: emailBrand(studio),
    notice: notice(studio, "invoices", messageId.split("#").slice(0, 2).join(":"), { link: portalPath(studio.studioId, "invoices") }),
  }));

export interface ReceiptFacts {
  record: PaymentRecord;
  account: BillingAccountRecord;
  invoices: InvoiceRecord[];
  studio: StudioForMail;
}

/**
 * The receipt of a payment, to each billing contact of the account: amount, method, date, each
 * invoice it paid and what is still due on it, credit kept, the balance after. Enqueued in the
 * payment's transaction (outbox).
 */
export function receiptEmails({ record, account, invoices, studio }: ReceiptFacts, contacts: BillingContact[], now = new Date()): OutboxEmail[] {
  const money = (minor: number) => formatMoney(minor, studio.currency, studio.country);
  const message = {
    studioName: studio.name,
    accountName: account.name,
    amount: money(record.amountMinor),
    method: METHOD_WORDS[record.method],
    receivedOn: localParts(record.receivedAt, studio.timeZone).date,
    ...(record.reference ? { reference: record.reference } : {}),
    invoices: record.allocations.map((a) => {
      const invoice = invoices.find((i) => i.invoiceId === a.invoiceId);
      const left = invoice ? balanceDue(invoice) : 0;
      return { number: invoice?.number ?? a.invoiceId, paid: money(a.amountMinor), ...(left > 0 ? { stillDue: money(left) } : {}) };
    }),
    ...(record.unallocatedMinor > 0 ? { credit: money(record.unallocatedMinor) } : {}),
    balance: balanceWords(account.balanceMinor, studio),
    ...linkFor(
      studio,
      invoices.find((i) => i.invoiceId === record.allocations[0]?.invoiceId),
      now,
    ),
  };
  return toContacts(studio, `payment#${record.paymentId}#receipt`, contacts, (greetingName) => paymentReceiptMessage({ ...message, greetingName }));
}

export interface RefundFacts {
  payment: PaymentRecord;
  amountMinor: number;
  reason: string;
  creditUsedMinor: number;
  account: BillingAccountRecord;
  /** Invoices the refund took money back from, after it. */
  invoices: InvoiceRecord[];
  studio: StudioForMail;
}

/** The refund email to each billing contact of the account, enqueued in the refund's transaction (outbox). */
export function refundEmails(facts: RefundFacts, contacts: BillingContact[], now = new Date()): OutboxEmail[] {
  const { payment, account, invoices, studio } = facts;
  const money = (minor: number) => formatMoney(minor, studio.currency, studio.country);
  const message = {
    studioName: studio.name,
    accountName: account.name,
    amount: money(facts.amountMinor),
    paymentAmount: money(payment.amountMinor),
    paymentReceivedOn: localParts(payment.receivedAt, studio.timeZone).date,
    reason: facts.reason,
    reopened: invoices.filter((i) => balanceDue(i) > 0).map((i) => ({ number: i.number ?? i.invoiceId, due: money(balanceDue(i)), dueDate: i.dueDate })),
    ...(facts.creditUsedMinor > 0 ? { creditUsed: money(facts.creditUsedMinor) } : {}),
    balance: balanceWords(account.balanceMinor, studio),
    ...linkFor(studio, invoices[0], now),
  };
  const refund = payment.refunds?.at(-1)?.refundId ?? `${payment.refundedMinor}`;
  return toContacts(studio, `payment#${payment.paymentId}#refund#${refund}`, contacts, (greetingName) => refundIssuedMessage({ ...message, greetingName }));
}
