import { config } from "../../kernel/config";
import { emailBrand, loanDeclinedMessage, loanLentMessage, loanReminderMessage } from "../../email";
import type { OutboxEmail } from "../../outbox";
import { Money } from "../../billing";
import { daysBetween } from "../../kernel/time/wall-clock";
import type { StudioRecord } from "../../studios/module";
import type { StudentRecord } from "../../people/module";
import type { LoanRecord } from "../loan.entity";
import type { StudentContact } from "../../people";

/** The loan's page in the family portal (what every loan email links to). */
export const portalLoanUrl = (studioId: string, loanId: string) =>
  `${config().webUrl}/portal/studios/${encodeURIComponent(studioId)}/loans/${encodeURIComponent(loanId)}`;

const itemWords = (loan: Pick<LoanRecord, "itemName" | "quantity">) => (loan.quantity > 1 ? `${loan.itemName} (×${loan.quantity})` : loan.itemName);
const studentName = (loan: LoanRecord, student: StudentRecord | null) => (student ? student.firstName : "your student");
const contactOf = (studio: StudioRecord) => [studio.email, studio.phone].filter(Boolean).join(", ");

/** "Lent until …" to each contact; one message id per loan and address, so a retried request enqueues nothing twice. */
export function loanLentEmails(studio: StudioRecord, loan: LoanRecord, student: StudentRecord | null, contacts: StudentContact[]): OutboxEmail[] {
  const money = (minor: number | undefined) => (minor ? Money.formatMoney(minor, studio.currency, studio.country) : undefined);
  const deposit = money(loan.depositMinor);
  const fee = money(loan.rentalFeeMinor);
  const studioContact = contactOf(studio);
  return contacts.map((contact) => ({
    scope: studio.studioId,
    messageId: `loan-lent#${loan.loanId}#${contact.email.toLowerCase()}`,
    to: contact.email,
    brand: emailBrand(studio),
    email: loanLentMessage({
      studioName: studio.name,
      greetingName: contact.greetingName,
      studentName: studentName(loan, student),
      itemName: itemWords(loan),
      dueDate: loan.dueDate,
      ...(deposit ? { deposit } : {}),
      ...(fee ? { fee } : {}),
      ...(studioContact ? { studioContact } : {}),
      url: portalLoanUrl(studio.studioId, loan.loanId),
    }),
  }));
}

/** A reminder step's email to each contact; one message id per loan, step and address. */
export function loanReminderEmails(
  studio: StudioRecord,
  loan: LoanRecord,
  student: StudentRecord | null,
  contacts: StudentContact[],
  step: string,
  today: string,
): OutboxEmail[] {
  const studioContact = contactOf(studio);
  return contacts.map((contact) => ({
    scope: studio.studioId,
    messageId: `loan-reminder#${loan.loanId}#${step}#${contact.email.toLowerCase()}`,
    to: contact.email,
    brand: emailBrand(studio),
    email: loanReminderMessage({
      studioName: studio.name,
      greetingName: contact.greetingName,
      studentName: studentName(loan, student),
      itemName: itemWords(loan),
      dueDate: loan.dueDate,
      daysToDue: daysBetween(today, loan.dueDate),
      ...(studioContact ? { studioContact } : {}),
      url: portalLoanUrl(studio.studioId, loan.loanId),
    }),
  }));
}

/** "Can't be lent this time" to each contact, with the studio's reason; one message id per request and address. */
export function loanDeclinedEmails(studio: StudioRecord, loan: LoanRecord, student: StudentRecord | null, contacts: StudentContact[]): OutboxEmail[] {
  const studioContact = contactOf(studio);
  return contacts.map((contact) => ({
    scope: studio.studioId,
    messageId: `loan-declined#${loan.loanId}#${contact.email.toLowerCase()}`,
    to: contact.email,
    brand: emailBrand(studio),
    email: loanDeclinedMessage({
      studioName: studio.name,
      greetingName: contact.greetingName,
      studentName: studentName(loan, student),
      itemName: itemWords(loan),
      ...(loan.closeReason ? { reason: loan.closeReason } : {}),
      ...(studioContact ? { studioContact } : {}),
      url: portalLoanUrl(studio.studioId, loan.loanId),
    }),
  }));
}
