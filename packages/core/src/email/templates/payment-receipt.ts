import { renderActionEmail, type RenderedEmail } from "./layout";
import { localDateWords } from "./lesson-cancelled";
import { quotedName } from "./subject-text";

export interface ReceiptInvoiceLine {
  /** "INV-000042" */
  number: string;
  /** formatMoney of the part of this payment it received. */
  paid: string;
  /** formatMoney of what is still owed on it; undefined when paid in full. */
  stillDue?: string;
}

export interface PaymentReceiptEmail {
  studioName: string;
  greetingName: string;
  accountName: string;
  /** formatMoney of the payment. */
  amount: string;
  /** "cash", "bank transfer", "card", … */
  method: string;
  /** Local date the money was received (studio time zone). */
  receivedOn: string;
  reference?: string;
  invoices: ReceiptInvoiceLine[];
  /** formatMoney of the part kept as account credit, when any. */
  credit?: string;
  /** The account's balance after the payment, in words ("£12.00 owed", "nothing owed", "£5.00 in credit"). */
  balance: string;
  /** The public page of the first invoice paid, or the studio's page. */
  url: string;
  actionLabel: string;
}

/** A receipt for every payment, to the account's billing contacts: what was received, where it went, what is owed now. */
export function paymentReceiptMessage(input: PaymentReceiptEmail): RenderedEmail {
  const lines = input.invoices.map((i) => `Invoice ${i.number}: ${i.paid} paid — ${i.stillDue ? `${i.stillDue} still due` : "paid in full"}.`);
  return renderActionEmail({
    subject: `Receipt: ${input.amount} received by ${quotedName(input.studioName)}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${input.studioName} received a payment of ${input.amount} by ${input.method} on ${localDateWords(input.receivedOn)} for ${input.accountName}${input.reference ? ` (reference ${input.reference})` : ""}. Thank you.`,
      ...lines,
      ...(input.credit ? [`${input.credit} is kept as credit on the account and will be taken off the next invoice.`] : []),
      `Account balance: ${input.balance}.`,
    ],
    action: { label: input.actionLabel, url: input.url },
    footer: `You receive this because you are a billing contact of ${input.accountName} at ${input.studioName}. Keep it as your receipt.`,
  });
}
