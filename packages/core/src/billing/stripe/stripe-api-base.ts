/**
 * Where the Stripe API is: `STRIPE_API_BASE` ("http://127.0.0.1:4010", the local emulator in
 * packages/local) when set, else Stripe itself. Read per call, as tests and `npm start` set it.
 */
export function stripeApiBase(): URL | undefined {
  const base = process.env.STRIPE_API_BASE;
  return base ? new URL(base) : undefined;
}
