import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "../../config";

/** How long an emailed invoice link opens the public invoice page. */
export const INVOICE_LINK_DAYS = 120;

interface InvoiceTokenPayload {
  s: string;
  i: string;
  e: number;
  /** Random: every link minted is a different token, even within the same second. */
  n: string;
}

/**
 * The key of invoice links, derived from APP_SECRET for this purpose alone (like
 * accounts/signing.ts does for its purposes), so an invoice link cannot be turned into any other token.
 */
function mac(input: string): Buffer {
  const key = createHmac("sha256", config().appSecret).update("studiosync:invoice-link").digest();
  return createHmac("sha256", key).update(input).digest();
}

/**
 * The token of a public invoice link: `<payload>.<hmac>`, the payload naming the studio, the
 * invoice and the expiry (epoch seconds). It opens that one invoice and nothing else.
 */
export function signInvoiceToken(studioId: string, invoiceId: string, expiresAtSeconds: number): string {
  const payload = Buffer.from(JSON.stringify({ s: studioId, i: invoiceId, e: expiresAtSeconds, n: randomBytes(6).toString("base64url") } satisfies InvoiceTokenPayload)).toString("base64url");
  return `${payload}.${mac(payload).toString("base64url")}`;
}

/** The studio and invoice of a valid, unexpired token; null for anything else (checked before any read). */
export function readInvoiceToken(token: string, now = Date.now()): { studioId: string; invoiceId: string; expiresAtSeconds: number } | null {
  const [payload, given, extra] = token.split(".");
  if (!payload || !given || extra !== undefined) return null;
  const actual = Buffer.from(given, "base64url");
  const expected = mac(payload);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  let parsed: Partial<InvoiceTokenPayload>;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<InvoiceTokenPayload>;
  } catch {
    return null;
  }
  if (typeof parsed.s !== "string" || typeof parsed.i !== "string" || typeof parsed.e !== "number" || parsed.e * 1000 <= now) return null;
  return { studioId: parsed.s, invoiceId: parsed.i, expiresAtSeconds: parsed.e };
}

/** A fresh token for an invoice, valid INVOICE_LINK_DAYS from `now`. */
export const mintInvoiceToken = (studioId: string, invoiceId: string, now = new Date()) =>
  signInvoiceToken(studioId, invoiceId, Math.floor(now.getTime() / 1000) + INVOICE_LINK_DAYS * 86_400);

/** The public invoice page of a token: `<site>/<studio slug>/invoices/<token>`. */
export const invoiceUrl = (studio: { slug: string }, token: string) => `${config().webUrl}/${studio.slug}/invoices/${token}`;
