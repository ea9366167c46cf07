import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * How a receiver knows a webhook came from StudioSync, as Stripe does it: the header carries the
 * time it was signed and an HMAC-SHA256 of `<t>.<body>` under the endpoint's secret,
 * `StudioSync-Signature: t=1767225600,v1=<hex>`. During a secret rotation a delivery may carry
 * several `v1`; any one that matches is enough. A signature too far from now is refused (replays).
 */
export const SIGNATURE_HEADER = "StudioSync-Signature";

const hmac = (secret: string, t: string, body: string) => createHmac("sha256", secret).update(`${t}.${body}`).digest();

/** The signature header for a body sent at `at`. */
export function signWebhook(secret: string, body: string, at: Date): string {
  if (!secret) throw new RangeError("a webhook secret is required");
  const t = String(Math.floor(at.getTime() / 1000));
  return `t=${t},v1=${hmac(secret, t, body).toString("hex")}`;
}

/** The timestamp and every `v1` of a header (other schemes ignored), or null when it is malformed. */
function parseSignature(header: string): { t: string; v1: Buffer[] } | null {
  let t: string | null = null;
  const v1: Buffer[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 0) return null;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t") {
      if (t !== null || !/^\d{1,12}$/.test(value)) return null;
      t = value;
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/i.test(value)) return null;
      v1.push(Buffer.from(value, "hex"));
    }
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

/**
 * Whether a header signs this body under this secret within `toleranceSeconds` of now (either way).
 * Malformed headers, an empty secret and stale or future timestamps are refused; comparisons are timing-safe.
 */
export function verifyWebhookSignature(secret: string, body: string, header: string, now = new Date(), toleranceSeconds = 300): boolean {
  const parsed = secret ? parseSignature(header) : null;
  if (!parsed) return false;
  const age = now.getTime() / 1000 - Number(parsed.t);
  if (!(Math.abs(age) <= toleranceSeconds)) return false;
  const expected = hmac(secret, parsed.t, body);
  // Every candidate is compared, so the time taken does not tell which one matched.
  return parsed.v1.reduce((match, candidate) => timingSafeEqual(candidate, expected) || match, false);
}

/** A new endpoint secret: `whsec_` and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
