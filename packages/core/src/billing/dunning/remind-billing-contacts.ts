import { logFailure } from "../../accounts/log-failure";
import { sendEmail } from "../../email";
import { invoiceReminderMessage } from "../../email/templates/invoice-reminder";
import { daysBetween } from "../../scheduling/wall-clock";
import { billingDb } from "../billing-db";
import { invoiceUrl, mintInvoiceToken } from "../invoices/invoice-token";
import { formatMoney } from "../money";
import type { PerformedStep } from "./perform-dunning-step";

/**
 * Emails each billing contact the reminder of a step already committed (write-then-send): how
 * far the invoice is from its due date, what is owed now (late fee included) and a fresh signed
 * link to the public invoice page. A failed send is logged and noted on the invoice's history,
 * and not retried (the step is done).
 * Returns how many emails went out and how many failed.
 */
export async function remindBillingContacts(done: PerformedStep, now: Date): Promise<{ sent: number; failed: number }> {
  const { invoice, studio, settings, contacts, today } = done;
  if (contacts.length === 0) return { sent: 0, failed: 0 };
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const paidMinor = invoice.amountPaidMinor + invoice.creditedMinor;
  const url = invoiceUrl(studio, mintInvoiceToken(invoice.studioId, invoice.invoiceId, now));
  const studioContact = [studio.email, studio.phone].filter(Boolean).join(", ");
  let sent = 0;
  const failed: string[] = [];
  for (const contact of contacts) {
    const message = invoiceReminderMessage({
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
    });
    try {
      await sendEmail(contact.email, message);
      sent++;
    } catch (error) {
      failed.push(contact.email);
      logFailure(`invoice reminder ${invoice.studioId}/${invoice.invoiceId} (${done.step.step})`, error);
    }
  }
  if (failed.length > 0) await noteFailure(done, failed, now);
  return { sent, failed: failed.length };
}

/** The invoice's history says which reminder emails did not go out, so staff can follow up. */
async function noteFailure(done: PerformedStep, addresses: string[], now: Date) {
  const { studioId, invoiceId } = done.invoice;
  const entry = { at: now.toISOString(), event: "reminder_failed", detail: `The reminder email to ${addresses.join(", ")} could not be sent` };
  try {
    await billingDb().entities.invoice.patch({ studioId, invoiceId }).append({ history: [entry] }).go();
  } catch (error) {
    logFailure(`invoice reminder failure note ${studioId}/${invoiceId}`, error);
  }
}
