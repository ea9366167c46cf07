import { AppError, conflict } from "../../kernel/errors";
import type { Actor } from "../../policy";
import { INVOICE_LINK_DAYS, invoiceUrl, mintInvoiceToken } from "./invoice-token";
import { loadInvoiceFor } from "./invoice-access";

/**
 * The public invoice page's link for a signed-in member who sees the invoice in full (admins, the
 * account's own family or student), so a family can pay from the portal what the emailed link
 * pays. A fresh token each time (the same kind the email carries); drafts stay hidden (404 for
 * families, 409 for admins), a teacher's summary access is a 403.
 */
export async function invoicePayLink(actor: Actor, studioId: string, invoiceId: string, now = new Date()) {
  const { studio, invoice, access } = await loadInvoiceFor(actor, studioId, invoiceId);
  if (access !== "full")
    throw new AppError("invoice.page_not_yours", "Only the studio's admins and the account's own family or student open the invoice's page");
  if (invoice.status === "draft") throw conflict("invoice.draft_has_no_page", "A draft has no page yet: send the invoice first");
  const token = mintInvoiceToken(studioId, invoiceId, now);
  return {
    token,
    url: invoiceUrl(studio, token),
    expiresAt: new Date(now.getTime() + INVOICE_LINK_DAYS * 86_400_000).toISOString(),
  };
}
