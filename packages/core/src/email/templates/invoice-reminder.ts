import { renderActionEmail, type RenderedEmail } from "./layout";
import { localDateWords } from "./lesson-cancelled";
import { quotedName } from "./subject-text";

export interface InvoiceReminderEmail {
  studioName: string;
  greetingName: string;
  /** "INV-000042" */
  invoiceNumber: string;
  /** Local date (studio time zone). */
  dueDate: string;
  /** Whole days from the studio's today to the due date: > 0 not due yet, 0 due today, < 0 overdue. */
  daysToDue: number;
  /** formatMoney of what is owed now (late fee included). */
  amountDue: string;
  total: string;
  /** formatMoney of what was paid or credited so far, when anything was. */
  paid?: string;
  /** formatMoney of the invoice's late fee, when it has one. */
  lateFee?: string;
  /** The late fee was added with this reminder. */
  lateFeeAddedNow?: boolean;
  paymentInstructions?: string;
  studioContact?: string;
  /** The public invoice page (view, print, pay). */
  url: string;
}

/** "due in 3 days" / "due tomorrow" / "due today" / "overdue by 1 day" / "overdue by 7 days". */
export function dueWords(daysToDue: number): string {
  if (daysToDue > 1) return `due in ${daysToDue} days`;
  if (daysToDue === 1) return "due tomorrow";
  if (daysToDue === 0) return "due today";
  return daysToDue === -1 ? "overdue by 1 day" : `overdue by ${-daysToDue} days`;
}

/** A dunning reminder to a billing contact: which invoice, when it is (was) due, what is owed now, where to pay. */
export function invoiceReminderMessage(input: InvoiceReminderEmail): RenderedEmail {
  const when = dueWords(input.daysToDue);
  const overdue = input.daysToDue < 0;
  const due = localDateWords(input.dueDate);
  return renderActionEmail({
    subject: `${overdue ? "Overdue" : "Reminder"}: invoice ${input.invoiceNumber} from ${quotedName(input.studioName)} is ${when}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      overdue
        ? `Invoice ${input.invoiceNumber} from ${input.studioName} was due on ${due} and is ${when}.`
        : `A friendly reminder: invoice ${input.invoiceNumber} from ${input.studioName} is ${when} (${due}).`,
      ...(input.lateFee && input.lateFeeAddedNow
        ? [`A late fee of ${input.lateFee} has been added to the invoice, as set out in the studio's payment terms.`]
        : []),
      `Amount due: ${input.amountDue} (invoice total ${input.total}${input.lateFee ? `, late fee ${input.lateFee}` : ""}${input.paid ? `, paid so far ${input.paid}` : ""}).`,
      ...(input.paymentInstructions ? [`How to pay: ${input.paymentInstructions}`] : []),
      "If you have already paid, thank you, and please ignore this reminder.",
    ],
    action: { label: "View and pay the invoice", url: input.url },
    footer: `You receive this because you are a billing contact of an account at ${input.studioName}.${input.studioContact ? ` Questions? Contact ${input.studioName}: ${input.studioContact}.` : ""}`,
  });
}
