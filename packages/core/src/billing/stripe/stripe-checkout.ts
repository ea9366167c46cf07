import { stripeApiBase } from "./stripe-api-base";

/** The Stripe API version the requests speak: the `stripe` library's (package.json pins it), as its client sent. */
export const STRIPE_API_VERSION = "2026-10-28.endive";

/** Stripe's form encoding of nested parameters: `line_items[0][price_data][currency]=gbp`. */
export function stripeForm(value: unknown, prefix = ""): string[] {
  if (value === undefined) return [];
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => stripeForm(inner, prefix ? `${prefix}[${key}]` : key));
  }
  const name = encodeURIComponent(prefix).replace(/%5B/g, "[").replace(/%5D/g, "]");
  return [`${name}=${encodeURIComponent(value === null ? "" : String(value))}`];
}

/** As the library's client: a connection error, a 409 (lock timeout) or a 5xx is tried once more, unless Stripe says not to. */
const retryable = (response: Response | undefined) => {
  if (!response) return true;
  const advice = response.headers.get("stripe-should-retry");
  if (advice) return advice === "true";
  return response.status === 409 || response.status >= 500;
};

/**
 * Creates a Checkout Session with a studio's secret key: one form-encoded POST to Stripe (or the
 * local emulator, `STRIPE_API_BASE`), with an Idempotency-Key, a 20 s timeout and one retry, as
 * the `stripe` library's client did — without loading the library (240 KB) into the pay Lambda.
 * Throws with Stripe's message when it refuses.
 */
export async function createCheckoutSession(secretKey: string, params: object, idempotencyKey: string): Promise<{ id: string; url: string | null }> {
  const url = new URL("/v1/checkout/sessions", stripeApiBase() ?? "https://api.stripe.com");
  const send = () =>
    fetch(url, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${secretKey}`,
        "Content-Type": "application/x-www-form-urlencoded",
        "Idempotency-Key": idempotencyKey,
        "Stripe-Version": STRIPE_API_VERSION,
      },
      body: stripeForm(params).join("&"),
      signal: AbortSignal.timeout(20_000),
    });
  let response = await send().catch(() => undefined);
  if (retryable(response)) {
    // The library's first network retry waits half a second.
    await new Promise((resolve) => setTimeout(resolve, 500));
    response = await send();
  }
  const body = (await response!.json().catch(() => ({}))) as { id?: string; url?: string | null; error?: { message?: string } };
  if (!response!.ok) throw new Error(body.error?.message ?? `Stripe answered ${response!.status}`);
  return { id: body.id!, url: body.url ?? null };
}
