import { itemOf, readTogether } from "../../kernel/db/read-together";
import { notFound } from "../../kernel/errors";
import { isLive } from "../../studios";
import { billingDb } from "../billing-db";
import { readInvoiceToken } from "../invoices/invoice-token";
import { billingSettingsRead } from "../settings/read-settings";

/** Every way a public link can fail (bad signature, expired, unknown, draft, other studio): one 404. */
export const linkNotFound = () => notFound("Invoice");

/**
 * What an emailed invoice link opens: the token is checked first (signature and expiry, no read
 * at all for a bad one), then the studio, the invoice and the studio's billing settings are read
 * in one BatchGet. Only issued invoices of a live studio open; drafts never had a link.
 */
export async function openInvoiceLink(token: string, now = new Date()) {
  const link = readInvoiceToken(token, now.getTime());
  if (!link) throw linkNotFound();
  const { studioId, invoiceId } = link;
  const { studio: studios, invoice: invoices } = billingDb().entities;
  const [studio, invoice, settings] = await readTogether(
    itemOf(studios, { studioId }),
    itemOf(invoices, { studioId, invoiceId }),
    billingSettingsRead(studioId),
  );
  if (!studio || !isLive(studio) || !invoice || invoice.status === "draft" || !invoice.number) throw linkNotFound();
  return { studio, invoice, settings, expiresAtSeconds: link.expiresAtSeconds };
}
export type InvoiceLink = Awaited<ReturnType<typeof openInvoiceLink>>;
