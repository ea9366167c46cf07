import { renderActionEmail, type RenderedEmail } from "./layout";
import { dueWords } from "./invoice-reminder";
import { localDateWords } from "./lesson-cancelled";
import { quotedName } from "./subject-text";

export interface LoanReminderEmail {
  studioName: string;
  greetingName: string;
  studentName: string;
  itemName: string;
  /** Local date (studio time zone) it is due back. */
  dueDate: string;
  /** Whole days from the studio's today to the due date: 0 due today, < 0 overdue. */
  daysToDue: number;
  studioContact?: string;
  /** The loan's page in the family portal. */
  url: string;
}

/** A borrowed item is due back today, or overdue. */
export function loanReminderMessage(input: LoanReminderEmail): RenderedEmail {
  const when = dueWords(input.daysToDue);
  const overdue = input.daysToDue < 0;
  return renderActionEmail({
    subject: `${overdue ? "Overdue" : "Reminder"}: ${input.itemName} borrowed from ${quotedName(input.studioName)} is ${when}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      overdue
        ? `${input.itemName}, lent to ${input.studentName}, was due back on ${localDateWords(input.dueDate)} and is ${when}.`
        : `A friendly reminder: ${input.itemName}, lent to ${input.studentName}, is ${when} (${localDateWords(input.dueDate)}).`,
      "Please bring it to the studio, or contact us if you need it longer.",
      "If you have already returned it, thank you, and please ignore this reminder.",
    ],
    action: { label: "See the loan", url: input.url },
    footer: `You receive this because you borrow from ${input.studioName}.${input.studioContact ? ` Questions? Contact ${input.studioName}: ${input.studioContact}.` : ""}`,
  });
}
