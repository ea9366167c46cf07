import { renderActionEmail, type RenderedEmail } from "./layout";
import { localDateWords } from "./lesson-cancelled";
import { quotedName } from "./subject-text";

/** Lines listed in the email; the page shows them all. */
const LISTED_LINES = 10;

export interface InvoiceSentEmail {
  studioName: string;
  greetingName: string;
  accountName: string;
  number: string;
  issueDate: string;
  dueDate: string;
  /** Formatted amounts ("£123.45"). */
  total: string;
  amountDue: string;
  /** Formatted account credit applied to the invoice, when any. */
  creditApplied?: string;
  lines: { description: string; amount: string }[];
  paid: boolean;
  /** A resend of an invoice sent before. */
  again: boolean;
  url: string;
  linkDays: number;
}

/** An issued invoice to a billing contact: what it is for, what is due by when, and the signed link to view, print and pay it. */
export function invoiceSentMessage(input: InvoiceSentEmail): RenderedEmail {
  const listed = input.lines.slice(0, LISTED_LINES).map((l) => `• ${l.description}: ${l.amount}`);
  const more = input.lines.length - listed.length;
  const due = input.paid ? `Nothing is due: it is paid in full.` : `Amount due: ${input.amountDue}, by ${localDateWords(input.dueDate)}.`;
  return renderActionEmail({
    subject: `${input.again ? "Copy of invoice" : "Invoice"} ${input.number} from ${quotedName(input.studioName)}: ${input.paid ? "paid" : `${input.amountDue} due ${localDateWords(input.dueDate)}`}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${input.studioName} has issued invoice ${input.number} to ${input.accountName} on ${localDateWords(input.issueDate)}, for ${input.total}.`,
      ...listed,
      ...(more > 0 ? [`…and ${more} more ${more === 1 ? "line" : "lines"}`] : []),
      ...(input.creditApplied ? [`Account credit of ${input.creditApplied} has been applied to it.`] : []),
      due,
      input.paid ? "The link shows the invoice to view or print." : "The link shows the invoice to view, print and pay.",
    ],
    action: { label: input.paid ? "View the invoice" : "View and pay the invoice", url: input.url },
    footer: `You receive this because you are the billing contact for ${input.accountName} at ${input.studioName}. The link works for ${input.linkDays} days; ask ${input.studioName} for a new one after that.`,
  });
}
