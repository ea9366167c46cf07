export { handleStripeWebhook, StripeWebhookRejected, type StripeWebhookOutcome } from "./handle-stripe-webhook";
export { startInvoiceCheckout } from "./start-invoice-checkout";
export { stripeApiBase } from "./stripe-api-base";
export { createCheckoutSession } from "./stripe-checkout";
export { StripeRequestError, stripeRequest } from "./stripe-request";
export { studioStripeKeys, type StudioStripeKeys } from "./studio-stripe-keys";
