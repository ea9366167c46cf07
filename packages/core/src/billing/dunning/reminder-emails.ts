import { emailBrand, invoiceReminderMessage } from "../../email";
import { invoiceNotice } from "../invoices/invoice-notice";
import type { OutboxEmail } from "../../outbox";
import { daysBetween } from "../../kernel/time/wall-clock";
import { invoiceUrl, mintInvoiceToken } from "../invoices/invoice-token";
import { formatMoney } from "../money";
import type { StudioRecord } from "../../studios/module";
import type { BillingContact } from "../accounts/billing-contacts";
import type { InvoiceRecord } from "../invoices/invoice-view";
import type { BillingSettings } from "../settings/defaults";
import type { DunningStep } from "./steps";

/** A dunning step done: the invoice, its studio and contacts, and what the step added. */
export interface DoneStep {
  step: DunningStep;
  invoice: InvoiceRecord;
  studio: StudioRecord;
  settings: BillingSettings;
  contacts: BillingContact[];
  /** Studio-local today when the step was done. */
  today: string;
  lateFeeAddedMinor: number;
}

/**
 * The reminder of a dunning step to each billing contact, enqueued in the step's transaction
 * (outbox, which sends, retries and records each): how far the invoice is from its due date, what
 * is owed now (late fee included) and a fresh signed link to the public invoice page.
 */
export function reminderEmails(done: DoneStep, now: Date): OutboxEmail[] {
  const { invoice, studio, settings, contacts, today } = done;
  const money = (minor: number) => formatMoney(minor, invoice.currency, studio.country);
  const paidMinor = invoice.amountPaidMinor + invoice.creditedMinor;
  const url = invoiceUrl(studio, mintInvoiceToken(invoice.studioId, invoice.invoiceId, now));
  const studioContact = [studio.email, studio.phone].filter(Boolean).join(", ");
  return contacts.map((contact) => ({
    scope: invoice.studioId,
    messageId: `dunning#${invoice.invoiceId}#${done.step.step}#${contact.email.toLowerCase()}`,
    to: contact.email,
    brand: emailBrand(studio),
    notice: invoiceNotice(studio, invoice.invoiceId),
    email: invoiceReminderMessage({
      studioName: studio.name,
      greetingName: contact.greetingName,
      invoiceNumber: invoice.number ?? invoice.invoiceId,
      dueDate: invoice.dueDate,
      daysToDue: daysBetween(today, invoice.dueDate),
      amountDue: money(invoice.balanceDueMinor),
      total: money(invoice.totalMinor),
      ...(paidMinor > 0 ? { paid: money(paidMinor) } : {}),
      ...(invoice.lateFeeMinor > 0 ? { lateFee: money(invoice.lateFeeMinor), lateFeeAddedNow: done.lateFeeAddedMinor > 0 } : {}),
      ...(settings.paymentInstructions ? { paymentInstructions: settings.paymentInstructions } : {}),
      ...(studioContact ? { studioContact } : {}),
      url,
    }),
  }));
}
