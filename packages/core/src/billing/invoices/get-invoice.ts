import type { Actor } from "../../policy";
import { localParts } from "../../kernel/time/wall-clock";
import { loadInvoiceFor } from "./invoice-access";
import { toInvoice, toInvoiceSummary, type Invoice, type InvoiceSummary } from "./invoice-view";

/**
 * One invoice: in full for admins and the account's own family or student; the summary (no
 * lines, payments or history) for a teacher of one of the account's students. Drafts are
 * admins' only; anything else hidden is a 404.
 */
export async function getInvoice(actor: Actor, studioId: string, invoiceId: string, now = new Date()): Promise<Invoice | InvoiceSummary> {
  const { studio, invoice, access } = await loadInvoiceFor(actor, studioId, invoiceId);
  const today = localParts(now, studio.timeZone).date;
  return access === "full" ? toInvoice(invoice, today) : toInvoiceSummary(invoice, today);
}
