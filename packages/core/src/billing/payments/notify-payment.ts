import { logFailure } from "../../accounts/log-failure";
import { config } from "../../config";
import { sendEmail } from "../../email/ses";
import { paymentReceiptMessage } from "../../email/templates/payment-receipt";
import { refundIssuedMessage } from "../../email/templates/refund-issued";
import { localParts } from "../../scheduling/wall-clock";
import { billingContacts } from "../accounts/billing-contacts";
import type { BillingAccountRecord } from "../accounts/post-to-ledger";
import { invoiceUrl, mintInvoiceToken } from "../invoices/invoice-token";
import { balanceDue } from "../invoices/invoice-state";
import { formatMoney } from "../money";
import type { InvoiceRecord } from "./invoice-money";
import type { PaymentMethod } from "./payment.entity";
import type { PaymentRecord } from "./payment-view";

export interface StudioForMail {
  studioId: string;
  name: string;
  slug: string;
  timeZone: string;
  currency: string;
}

/** A payment method in words. */
export const METHOD_WORDS: Record<PaymentMethod, string> = { cash: "cash", check: "check", bank_transfer: "bank transfer", card: "card", other: "other means" };

/** An account's balance in words: "£12.00 owed", "nothing owed", "£5.00 in credit". */
export function balanceWords(balanceMinor: number, currency: string): string {
  if (balanceMinor > 0) return `${formatMoney(balanceMinor, currency)} owed`;
  if (balanceMinor < 0) return `${formatMoney(-balanceMinor, currency)} in credit`;
  return "nothing owed";
}

/** Where an email about money points: the first invoice's public page (a fresh signed link), else the studio's page. */
function linkFor(studio: StudioForMail, invoice: InvoiceRecord | undefined, now: Date) {
  if (invoice) return { url: invoiceUrl(studio, mintInvoiceToken(studio.studioId, invoice.invoiceId, now)), actionLabel: "View the invoice" };
  return { url: `${config().webUrl}/${studio.slug}`, actionLabel: `Visit ${studio.name}` };
}

async function sendToContacts(account: BillingAccountRecord, what: string, render: (greetingName: string) => Parameters<typeof sendEmail>[1]) {
  let contacts: Awaited<ReturnType<typeof billingContacts>> = [];
  try {
    contacts = await billingContacts(account);
  } catch (error) {
    logFailure(`${what} recipients`, error);
  }
  await Promise.all(contacts.map((c) => sendEmail(c.email, render(c.greetingName)).catch((error) => logFailure(what, error))));
}

export interface ReceiptFacts {
  record: PaymentRecord;
  account: BillingAccountRecord;
  invoices: InvoiceRecord[];
  studio: StudioForMail;
}

/**
 * The receipt of a committed payment, to each billing contact of the account: amount, method,
 * date, each invoice it paid and what is still due on it, credit kept, the balance after.
 * Sent after the commit; a failed send is logged (the payment stands).
 */
export async function notifyPaymentReceived({ record, account, invoices, studio }: ReceiptFacts, now = new Date()): Promise<void> {
  const money = (minor: number) => formatMoney(minor, studio.currency);
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
    balance: balanceWords(account.balanceMinor, studio.currency),
    ...linkFor(studio, invoices.find((i) => i.invoiceId === record.allocations[0]?.invoiceId), now),
  };
  await sendToContacts(account, `payment receipt ${studio.studioId}/${record.paymentId}`, (greetingName) => paymentReceiptMessage({ ...message, greetingName }));
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

/** The refund email to each billing contact of the account, after the refund committed (a failed send is logged). */
export async function notifyRefund(facts: RefundFacts, now = new Date()): Promise<void> {
  const { payment, account, invoices, studio } = facts;
  const money = (minor: number) => formatMoney(minor, studio.currency);
  const message = {
    studioName: studio.name,
    accountName: account.name,
    amount: money(facts.amountMinor),
    paymentAmount: money(payment.amountMinor),
    paymentReceivedOn: localParts(payment.receivedAt, studio.timeZone).date,
    reason: facts.reason,
    reopened: invoices.filter((i) => balanceDue(i) > 0).map((i) => ({ number: i.number ?? i.invoiceId, due: money(balanceDue(i)), dueDate: i.dueDate })),
    ...(facts.creditUsedMinor > 0 ? { creditUsed: money(facts.creditUsedMinor) } : {}),
    balance: balanceWords(account.balanceMinor, studio.currency),
    ...linkFor(studio, invoices[0], now),
  };
  await sendToContacts(account, `refund email ${studio.studioId}/${payment.paymentId}`, (greetingName) => refundIssuedMessage({ ...message, greetingName }));
}
