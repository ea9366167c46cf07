export { handleStripeWebhook, StripeWebhookRejected, type StripeWebhookOutcome } from "./handle-stripe-webhook";
export { startInvoiceCheckout } from "./start-invoice-checkout";
export { loadStripe, stripeApiBase, stripeClient, type StripeClient } from "./stripe-client";
export { studioStripeKeys, type StudioStripeKeys } from "./studio-stripe-keys";
