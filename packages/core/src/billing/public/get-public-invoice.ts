import { itemOf, readTogether } from "../../kernel/db/read-together";
import { localParts } from "../../kernel/time/wall-clock";
import { billingDb } from "../billing-db";
import { openInvoiceLink } from "./open-invoice-link";
import { toPublicInvoice, type PublicInvoice } from "./public-invoice-view";

/**
 * The public invoice page's data, by the token of an emailed link (no login). A bad, tampered or
 * expired token, or one for an invoice that is gone: 404. Void and paid invoices still open (the
 * page says so).
 */
export async function getPublicInvoice(token: string, now = new Date()): Promise<PublicInvoice> {
  const { studio, invoice, settings, expiresAtSeconds } = await openInvoiceLink(token, now);
  const keys = { studioId: studio.studioId, accountId: invoice.accountId };
  const [account, card] = await readTogether(itemOf(billingDb().entities.billingAccount, keys), itemOf(billingDb().entities.accountCard, keys));
  return toPublicInvoice({
    card,
    studio,
    invoice,
    settings,
    billedTo: account?.name ?? null,
    today: localParts(now, studio.timeZone).date,
    expiresAtSeconds,
  });
}
