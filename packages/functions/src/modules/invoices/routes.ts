import { createRouter } from "../../http/router";
import { invoicePayLinkRoutes } from "../../routes/invoice-pay-links";
import { invoiceRoutes } from "../../routes/invoices";

/**
 * Invoices: drafts, sending, credit notes and voids, their pay links, and reminders of what is due.
 * Deployed as the invoices Lambda (routing.ts lists the paths API Gateway sends it).
 */
export const invoicesRoutes = createRouter().route("/v1/studios", invoiceRoutes).route("/v1/studios", invoicePayLinkRoutes);
