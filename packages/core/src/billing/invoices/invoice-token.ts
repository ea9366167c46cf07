import { randomBytes } from "node:crypto";
import { config } from "../../kernel/config";
import { openPayload, signPayload } from "../../kernel/keys/signed-payload";

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
 * The token of a public invoice link (keys/signed-payload.ts, under the invoice-link key alone, so
 * it cannot be turned into any other token): the payload names the studio, the invoice and the
 * expiry (epoch seconds). It opens that one invoice and nothing else.
 */
export function signInvoiceToken(studioId: string, invoiceId: string, expiresAtSeconds: number): string {
  return signPayload("invoice-link", { s: studioId, i: invoiceId, e: expiresAtSeconds, n: randomBytes(6).toString("base64url") } satisfies InvoiceTokenPayload);
}

/** The studio and invoice of a valid, unexpired token; null for anything else (checked before any read). */
export function readInvoiceToken(token: string, now = Date.now()): { studioId: string; invoiceId: string; expiresAtSeconds: number } | null {
  const parsed = openPayload<InvoiceTokenPayload>("invoice-link", token);
  if (!parsed || typeof parsed.s !== "string" || typeof parsed.i !== "string" || typeof parsed.e !== "number" || parsed.e * 1000 <= now) return null;
  return { studioId: parsed.s, invoiceId: parsed.i, expiresAtSeconds: parsed.e };
}

/** A fresh token for an invoice, valid INVOICE_LINK_DAYS from `now`. */
export const mintInvoiceToken = (studioId: string, invoiceId: string, now = new Date()) =>
  signInvoiceToken(studioId, invoiceId, Math.floor(now.getTime() / 1000) + INVOICE_LINK_DAYS * 86_400);

/** The public invoice page of a token: `<site>/<studio slug>/invoices/<token>`. */
export const invoiceUrl = (studio: { slug: string }, token: string) => `${config().webUrl}/${studio.slug}/invoices/${token}`;
