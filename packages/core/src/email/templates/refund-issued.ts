import { renderActionEmail, type RenderedEmail } from "./layout";
import { localDateWords } from "./lesson-cancelled";
import { quotedName } from "./subject-text";

export interface ReopenedInvoice {
  /** "INV-000042" */
  number: string;
  /** formatMoney of what is owed on it again. */
  due: string;
  /** Local due date. */
  dueDate: string;
}

export interface RefundIssuedEmail {
  studioName: string;
  greetingName: string;
  accountName: string;
  /** formatMoney of the refund. */
  amount: string;
  /** formatMoney of the payment refunded, and the local date it was received. */
  paymentAmount: string;
  paymentReceivedOn: string;
  reason: string;
  /** Invoices the refunded money had paid, owed again. */
  reopened: ReopenedInvoice[];
  /** formatMoney of account credit the refund took back, when any. */
  creditUsed?: string;
  /** The account's balance after the refund, in words. */
  balance: string;
  url: string;
  actionLabel: string;
}

/** A refund, to the account's billing contacts: how much of which payment, why, and what is owed again. */
export function refundIssuedMessage(input: RefundIssuedEmail): RenderedEmail {
  return renderActionEmail({
    subject: `Refund: ${input.amount} from ${quotedName(input.studioName)}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${input.studioName} has refunded ${input.amount} of the payment of ${input.paymentAmount} received on ${localDateWords(input.paymentReceivedOn)} for ${input.accountName}.`,
      `Reason: ${input.reason}`,
      ...(input.creditUsed ? [`${input.creditUsed} of it came from the credit held on the account.`] : []),
      ...input.reopened.map((i) => `Invoice ${i.number} is open again: ${i.due} due by ${localDateWords(i.dueDate)}.`),
      `Account balance: ${input.balance}.`,
    ],
    action: { label: input.actionLabel, url: input.url },
    footer: `You receive this because you are a billing contact of ${input.accountName} at ${input.studioName}.`,
  });
}
