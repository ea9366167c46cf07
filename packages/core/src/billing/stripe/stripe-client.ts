import type Stripe from "stripe";
import { stripeApiBase } from "./stripe-api-base";

export { stripeApiBase };

export type StripeClient = Stripe;
type StripeClass = typeof Stripe;

let library: Promise<StripeClass> | undefined;

/**
 * The `stripe` library, imported on first use: for the local Stripe emulator, the demo seed and
 * the tests. The API itself speaks to Stripe without it (stripe-checkout.ts, stripe-signature.ts),
 * so no Lambda carries it.
 */
export function loadStripe(): Promise<StripeClass> {
  library ??= import("stripe").then((module) => module.default);
  return library;
}

/**
 * A Stripe client for a studio's secret key. Against the emulator it speaks plain HTTP to its
 * host and port; the API version is the one this library was built for.
 */
export async function stripeClient(secretKey: string): Promise<StripeClient> {
  const StripeLibrary = await loadStripe();
  const base = stripeApiBase();
  const where = base
    ? {
        host: base.hostname,
        port: base.port || (base.protocol === "https:" ? "443" : "80"),
        protocol: base.protocol === "https:" ? ("https" as const) : ("http" as const),
      }
    : {};
  return new StripeLibrary(secretKey, { ...where, maxNetworkRetries: 1, timeout: 20_000, telemetry: false });
}
