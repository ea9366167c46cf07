import { createHmac } from "node:crypto";

/** How old a signature Stripe's library accepts (its default tolerance), in seconds. */
const TOLERANCE_SECONDS = 300;

/** Compares in time independent of where the strings differ (as Stripe's library does). */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Whether a Stripe-Signature header (`t=<unix seconds>,v1=<hex>[,v1=…]`) signs `payload` with the
 * webhook secret and is at most 5 minutes old: the check of the `stripe` library's
 * `webhooks.constructEvent`, made here so the pay Lambda does not carry the library (240 KB).
 */
export function stripeSignatureValid(payload: string, header: string, secret: string): boolean {
  if (!payload || !header || !secret.trim()) return false;
  let timestamp = -1;
  const signatures: string[] = [];
  for (const item of header.split(",")) {
    const [key, value] = item.split("=");
    if (key === "t") timestamp = Number.parseInt(value!, 10);
    if (key === "v1") signatures.push(value!);
  }
  if (timestamp === -1 || signatures.length === 0) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  if (!signatures.some((signature) => sameText(expected, signature))) return false;
  return !(Math.floor(Date.now() / 1000) - timestamp > TOLERANCE_SECONDS);
}
