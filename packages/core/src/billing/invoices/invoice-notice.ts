import { notice, portalPath } from "../../notifications";

/** The notification centre's entry for mail about an invoice (sent, resent, a reminder): one a day per invoice, linking to it in the portal. */
export const invoiceNotice = (studio: { studioId: string; name: string; timeZone: string }, invoiceId: string) =>
  notice(studio, "invoices", `invoice:${invoiceId}`, { link: portalPath(studio.studioId, "invoices", invoiceId) });
