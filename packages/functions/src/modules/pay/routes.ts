import { createRouter } from "../../http/router";
import { publicInvoiceRoutes } from "../../routes/public-invoices";
import { stripeWebhookRoutes } from "../../routes/stripe-webhook";

/**
 * Paying without signing in: the public invoice behind an emailed link, its Stripe Checkout, and
 * Stripe's webhook. Deployed as the pay Lambda (the only one carrying the Stripe library).
 */
export const payRoutes = createRouter().route("/v1/public", publicInvoiceRoutes).route("/v1/webhooks", stripeWebhookRoutes);
