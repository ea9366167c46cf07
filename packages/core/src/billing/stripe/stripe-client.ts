import type Stripe from "stripe";

export type StripeClient = Stripe;
type StripeClass = typeof Stripe;

let library: Promise<StripeClass> | undefined;

/**
 * The `stripe` library, imported on first use: only the pay Lambda carries it, and only checkout
 * and webhook requests load it (the public invoice page's reads never do).
 */
export function loadStripe(): Promise<StripeClass> {
  library ??= import("stripe").then((module) => module.default);
  return library;
}

/**
 * Where the Stripe API is: `STRIPE_API_BASE` ("http://127.0.0.1:4010", the local emulator in
 * packages/local) when set, else Stripe itself. Read per call, as tests and `npm start` set it.
 */
export function stripeApiBase(): URL | undefined {
  const base = process.env.STRIPE_API_BASE;
  return base ? new URL(base) : undefined;
}

/**
 * A Stripe client for a studio's secret key. Against the emulator it speaks plain HTTP to its
 * host and port; the API version is the one this library was built for.
 */
export async function stripeClient(secretKey: string): Promise<StripeClient> {
  const StripeLibrary = await loadStripe();
  const base = stripeApiBase();
  const where = base
    ? { host: base.hostname, port: base.port || (base.protocol === "https:" ? "443" : "80"), protocol: base.protocol === "https:" ? ("https" as const) : ("http" as const) }
    : {};
  return new StripeLibrary(secretKey, { ...where, maxNetworkRetries: 1, timeout: 20_000, telemetry: false });
}
