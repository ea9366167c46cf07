import { randomUUID } from "node:crypto";
import { stripeClient } from "@studiosync/core/billing/stripe-library";
import { emailedLink, PASSWORD, seedStudio, uniqueOwner } from "./seed";

export const INSTRUCTIONS = "Bank transfer to Harbour Strings Ltd, sort code 12-34-56, account 12345678. Quote the invoice number.";

/** A JSON call to the API (as `token` when given); fails loudly unless it answered `status`. */
export async function apiCall(apiUrl: string, token: string | undefined, method: string, path: string, body: unknown, status: number) {
  const res = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status} (expected ${status}): ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const TWO_LINES = [
  { description: "Violin lesson (30 min)", quantity: 4, unitPriceMinor: 3333 },
  { description: "Rosin and strings", quantity: 1, unitPriceMinor: 1250 },
];

/**
 * A branded studio (logo, theme colour, GBP, 20 % VAT) with a family whose guardian is emailed
 * the invoice, and a sent invoice — by default of two lines: 4 × £33.33 + £12.50 = £145.82,
 * VAT £29.16, £174.98.
 */
export async function sentInvoice(apiUrl: string, options: { stripe: boolean; lines?: { description: string; quantity: number; unitPriceMinor: number }[] }) {
  const call = (token: string | undefined, method: string, path: string, body: unknown, status: number) => apiCall(apiUrl, token, method, path, body, status);
  const studio = await seedStudio(apiUrl, "Harbour Strings");
  const login = await call(undefined, "POST", "/v1/auth/login", { email: studio.email, password: PASSWORD }, 200);
  const token: string = login.accessToken;
  const base = `/v1/studios/${studio.studioId}`;
  let stripe: { secretKey: string } | undefined;
  const settings: Record<string, unknown> = { taxRateMillipercent: 20_000, taxName: "VAT", paymentInstructions: INSTRUCTIONS };
  if (options.stripe) {
    const secretKey = `sk_test_${randomUUID().replaceAll("-", "")}`;
    const endpoint = await (await stripeClient(secretKey)).webhookEndpoints.create({
      url: `${apiUrl}/v1/webhooks/stripe`,
      enabled_events: ["checkout.session.completed"],
    });
    settings.stripe = { publishableKey: `pk_test_${randomUUID().replaceAll("-", "")}`, secretKey, webhookSecret: endpoint.secret };
    stripe = { secretKey };
  }
  await call(token, "PUT", `${base}/billing-settings`, settings, 200);

  const family = await call(token, "POST", `${base}/families`, { name: "The Okafor family" }, 201);
  const guardianEmail = uniqueOwner("guardian").email;
  await call(
    token,
    "POST",
    `${base}/families/${family.id}/guardians`,
    { firstName: "Ada", lastName: "Okafor", relationship: "mother", email: guardianEmail },
    201,
  );
  await call(token, "POST", `${base}/billing-accounts`, { kind: "family", partyId: family.id }, 201);
  const draft = await call(token, "POST", `${base}/invoices`, { accountId: family.id, lines: options.lines ?? TWO_LINES }, 201);
  const invoice = await call(token, "POST", `${base}/invoices/${draft.id}/send`, undefined, 200);
  const link = await emailedLink(guardianEmail, `/${studio.slug}/invoices/`);
  return { studio, invoice, link, guardianEmail, stripe };
}
