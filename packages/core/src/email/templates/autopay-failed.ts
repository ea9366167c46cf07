import { renderActionEmail, type RenderedEmail } from "./layout";
import { quotedName } from "./subject-text";

export interface AutopayFailedEmail {
  studioName: string;
  greetingName: string;
  invoiceNumber: string;
  amount: string;
  /** "Visa •••• 4242" */
  card: string;
  reason: string;
  /** The invoice's public page: pay it another way, or save another card. */
  url: string;
}

/** The saved card was declined on the invoice's due date: the family pays another way (the usual reminders follow). */
export function autopayFailedMessage(input: AutopayFailedEmail): RenderedEmail {
  return renderActionEmail({
    subject: `Automatic payment failed: invoice ${input.invoiceNumber} from ${quotedName(input.studioName)}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `We tried to pay invoice ${input.invoiceNumber} (${input.amount}) with your saved card ${input.card} today, but it did not go through: ${input.reason}.`,
      "Please pay the invoice from its page, or save another card there for the next invoices. The usual reminders follow until it is paid.",
    ],
    action: { label: "Pay the invoice", url: input.url },
    footer: `You receive this because you pay ${input.studioName}'s invoices automatically with a saved card.`,
  });
}
