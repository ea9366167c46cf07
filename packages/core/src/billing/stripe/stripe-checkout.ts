import { stripeRequest } from "./stripe-request";

export { STRIPE_API_VERSION, stripeForm } from "./stripe-request";

/**
 * Creates a Checkout Session with a studio's secret key: one form-encoded POST to Stripe (or the
 * local emulator, `STRIPE_API_BASE`) through stripeRequest, with an Idempotency-Key, a 20 s
 * timeout and one retry, as the `stripe` library's client did — without loading the library
 * (240 KB) into the pay Lambda. Throws a StripeRequestError with Stripe's message when it refuses.
 */
export async function createCheckoutSession(secretKey: string, params: object, idempotencyKey: string): Promise<{ id: string; url: string | null }> {
  const session = await stripeRequest<{ id: string; url?: string | null }>(secretKey, "POST", "/v1/checkout/sessions", params, idempotencyKey);
  return { id: session.id, url: session.url ?? null };
}
