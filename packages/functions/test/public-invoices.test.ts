import { randomUUID } from "node:crypto";
import { getPublicInvoice, signInvoiceToken } from "@studiosync/core/billing";
import { stripeClient } from "@studiosync/core/billing/stripe-library";
import { describe, expect, it } from "vitest";
import { extractLink, readMail } from "@studiosync/local/testing";
import { api, dbCost } from "./support/api";
import { billingWorld, type BillingWorld, draftInvoice, sentInvoice } from "./support/billing";

const INSTRUCTIONS = "Bank transfer to Riverside Music, sort code 12-34-56, account 12345678.\nQuote the invoice number.";

/** The token of the newest emailed link to the invoice numbered `number`. */
async function emailedToken(w: BillingWorld, number: string) {
  const mails = await readMail(w.guardianEmail, { subject: `Invoice ${number} ` });
  const link = new URL(extractLink(mails.at(-1)!.body.text ?? "", `/${w.owner.studio.slug}/invoices/`));
  expect(link.origin).toBe(process.env.WEB_URL);
  return decodeURIComponent(link.pathname.split("/").pop()!);
}

const publicInvoice = (token: string) => api("GET", `/v1/public/invoices/${encodeURIComponent(token)}`);
const checkout = (token: string) => api("POST", `/v1/public/invoices/${encodeURIComponent(token)}/checkout`);
const settings = (w: BillingWorld, body: Record<string, unknown>) =>
  api("PUT", `/v1/studios/${w.studioId}/billing-settings`, { token: w.owner.accessToken, body }).then((res) => {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  });
const pay = (w: BillingWorld, invoiceId: string, amountMinor: number) =>
  api("POST", `/v1/studios/${w.studioId}/payments`, {
    token: w.owner.accessToken,
    body: { accountId: w.family, amountMinor, method: "bank_transfer", invoiceId, reference: "BACS 1" },
  }).then((res) => {
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  });

/** Stripe keys for the studio on the local emulator (a fresh test account per call). */
async function connectStripe(w: BillingWorld) {
  const secretKey = `sk_test_${randomUUID().replaceAll("-", "")}`;
  const endpoint = await (await stripeClient(secretKey)).webhookEndpoints.create({
    url: "http://127.0.0.1:9/v1/webhooks/stripe",
    enabled_events: ["checkout.session.completed"],
  });
  await settings(w, { stripe: { publishableKey: `pk_test_${randomUUID().replaceAll("-", "")}`, secretKey, webhookSecret: endpoint.secret } });
  return { secretKey };
}

describe("the public invoice behind an emailed link", () => {
  it("shows the invoice with the studio's branding, lines, exact totals and how to pay, and nothing else of the account", async () => {
    const w = await billingWorld({ timeZone: "Europe/London", currency: "GBP" });
    await settings(w, { taxRateMillipercent: 20_000, taxName: "VAT", paymentInstructions: INSTRUCTIONS, invoiceFooter: "Thank you for making music with us." });
    await api("PATCH", `/v1/studios/${w.studioId}`, { token: w.owner.accessToken, body: { themeColor: "#0f766e", email: "hello@riverside.test" } });
    const sent = await sentInvoice(
      w.owner,
      w.family,
      [
        { description: "Piano lesson — Tue 3 Dec 16:00 (30 min)", quantity: 4, unitPriceMinor: 3333 },
        { description: "Sibling discount", quantity: 1, unitPriceMinor: -500 },
      ],
      { notes: "Lessons for December." },
    );
    const token = await emailedToken(w, sent.number);

    const res = await publicInvoice(token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-robots-tag")).toBe("noindex");
    // 13332 − 500 = 12832; VAT 20 % = 2566.4 → 2566; total 15398.
    expect(res.body).toMatchObject({
      number: sent.number,
      status: "sent",
      currency: "GBP",
      issueDate: sent.issueDate,
      dueDate: sent.dueDate,
      billedTo: w.familyName,
      lines: [
        { description: "Piano lesson — Tue 3 Dec 16:00 (30 min)", quantity: 4, unitPriceMinor: 3333, totalMinor: 13332 },
        { description: "Sibling discount", quantity: 1, unitPriceMinor: -500, totalMinor: -500 },
      ],
      subtotalMinor: 12832,
      discountMinor: 0,
      taxName: "VAT",
      taxRateMillipercent: 20_000,
      taxMinor: 2566,
      totalMinor: 15398,
      lateFeeMinor: 0,
      amountPaidMinor: 0,
      creditedMinor: 0,
      balanceDueMinor: 15398,
      notes: "Lessons for December.",
      footer: "Thank you for making music with us.",
      studio: { name: w.owner.studio.name, slug: w.owner.studio.slug, themeColor: "#0f766e", email: "hello@riverside.test", timeZone: "Europe/London" },
      payment: { stripe: false, instructions: INSTRUCTIONS, autopay: null, canSaveCard: false },
    });
    const expiresInDays = (Date.parse(res.body.linkExpiresAt) - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(119.9);
    expect(expiresInDays).toBeLessThanOrEqual(120);

    // Nothing of the account beyond this invoice: no ids, contacts, students, ledger or other invoices.
    const text = JSON.stringify(res.body);
    for (const secret of [w.studioId, w.familyId, sent.id, w.guardianEmail, w.owner.email, ...w.students.map((s) => s.id), "Ana", "Leo"]) {
      expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    for (const key of ["id", "accountId", "studioId", "history", "payments", "ledger", "voidReason"]) expect(res.body).not.toHaveProperty(key);
    // One BatchGet (studio, invoice, settings) and one read of the account's name.
    expect(dbCost(res.headers).calls).toBe(2);

    // On the studio's calendar: past the due date (14 days' terms) it reads overdue; after 120 days the link is dead.
    const days = (n: number) => new Date(Date.now() + n * 86_400_000);
    expect((await getPublicInvoice(token, days(16))).status).toBe("overdue");
    await expect(getPublicInvoice(token, days(121))).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers one 404 for tampered, expired, foreign, draft and made-up links, before reading anything", async () => {
    const w = await billingWorld();
    const other = await billingWorld();
    const sent = await sentInvoice(w.owner, w.family);
    const token = await emailedToken(w, sent.number);
    const [kid, payload, mac] = token.split(".") as [string, string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    const draft = await draftInvoice(w.owner, w.family);
    const otherSent = await sentInvoice(other.owner, other.family);
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;

    const bad = {
      "tampered payload": `${kid}.${flip(payload, 5)}.${mac}`,
      "tampered signature": `${kid}.${payload}.${flip(mac, 3)}`,
      "no signature": `${kid}.${payload}`,
      "extra part": `${token}.x`,
      "made up": "not-a-token",
      expired: signInvoiceToken(w.studioId, sent.id, Math.floor(Date.now() / 1000) - 1),
      "another studio's invoice under this studio": signInvoiceToken(w.studioId, otherSent.id, inAnHour),
      "an unknown invoice": signInvoiceToken(w.studioId, randomUUID(), inAnHour),
      "a draft": signInvoiceToken(w.studioId, draft.id, inAnHour),
      "an unknown studio": signInvoiceToken(randomUUID(), sent.id, inAnHour),
    };
    for (const [what, badToken] of Object.entries(bad)) {
      const res = await publicInvoice(badToken);
      expect(res.status, what).toBe(404);
      expect(res.body.detail, what).toBe("Invoice not found");
      expect((await checkout(badToken)).status, `checkout with ${what}`).toBe(404);
    }
    const forged = await publicInvoice(`${kid}.${flip(payload, 5)}.${mac}`);
    expect(dbCost(forged.headers).calls).toBe(0);

    // A token signed for the other studio's own invoice opens that one only.
    const theirs = await publicInvoice(signInvoiceToken(other.studioId, otherSent.id, inAnHour));
    expect(theirs.status).toBe(200);
    expect(theirs.body.number).toBe(otherSent.number);
    expect(theirs.body.studio.slug).toBe(other.owner.studio.slug);
  });

  it("follows payments: partly paid, then paid with no pay button, then a voided invoice shows as void with nothing to pay", async () => {
    const w = await billingWorld();
    await connectStripe(w);
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Guitar lesson", quantity: 3, unitPriceMinor: 4500 }]);
    const token = await emailedToken(w, sent.number);
    expect((await publicInvoice(token)).body).toMatchObject({ status: "sent", balanceDueMinor: 13500, payment: { stripe: true, instructions: null } });

    await pay(w, sent.id, 5001);
    expect((await publicInvoice(token)).body).toMatchObject({
      status: "partial",
      totalMinor: 13500,
      amountPaidMinor: 5001,
      balanceDueMinor: 8499,
      payment: { stripe: true },
    });

    await pay(w, sent.id, 8499);
    const paid = await publicInvoice(token);
    expect(paid.body).toMatchObject({ status: "paid", amountPaidMinor: 13500, balanceDueMinor: 0, payment: { stripe: false } });
    const refused = await checkout(token);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe("This invoice is already paid");

    const second = await sentInvoice(w.owner, w.family, [{ description: "Theory workbook", quantity: 1, unitPriceMinor: 1999 }]);
    const secondToken = await emailedToken(w, second.number);
    const voided = await api("POST", `/v1/studios/${w.studioId}/invoices/${second.id}/void`, { token: w.owner.accessToken, body: { reason: "Billed twice" } });
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    const shown = await publicInvoice(secondToken);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ status: "void", totalMinor: 1999, balanceDueMinor: 0, payment: { stripe: false } });
    expect(JSON.stringify(shown.body)).not.toContain("Billed twice");
    const voidCheckout = await checkout(secondToken);
    expect(voidCheckout.status).toBe(409);
    expect(voidCheckout.body.detail).toBe("This invoice was voided; there is nothing to pay");
  });
});

describe("starting a card payment from the public invoice", () => {
  it("is 404 while the studio has no Stripe keys (the page shows the offline instructions instead)", async () => {
    const w = await billingWorld();
    await settings(w, { paymentInstructions: INSTRUCTIONS });
    const sent = await sentInvoice(w.owner, w.family);
    const token = await emailedToken(w, sent.number);
    expect((await publicInvoice(token)).body.payment).toEqual({ stripe: false, instructions: INSTRUCTIONS, autopay: null, canSaveCard: false });
    const res = await checkout(token);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
  });

  it("creates a Checkout Session for the exact balance with the studio's keys, back to the invoice page, once per double click", async () => {
    const w = await billingWorld({ currency: "USD" });
    const { secretKey } = await connectStripe(w);
    await settings(w, { taxRateMillipercent: 8875 });
    // 3 × 33.33 = 99.99; tax 8.875 % = 8.874… → 8.87; total 108.86; 20.00 paid → 88.86 due.
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Voice lesson", quantity: 3, unitPriceMinor: 3333 }]);
    expect(sent.totalMinor).toBe(10886);
    await pay(w, sent.id, 2000);
    const token = await emailedToken(w, sent.number);

    const res = await checkout(token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.body.url).toMatch(new RegExp(`^${process.env.STRIPE_API_BASE}/checkout/cs_test_\\w+$`));
    const sessionId = res.body.url.split("/").pop();
    const session = await (await stripeClient(secretKey)).checkout.sessions.retrieve(sessionId, { expand: ["line_items"] });
    const page = `${process.env.WEB_URL}/${w.owner.studio.slug}/invoices/${token}`;
    expect(session).toMatchObject({
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: 8886,
      currency: "usd",
      client_reference_id: sent.id,
      metadata: { studioId: w.studioId, invoiceId: sent.id, accountId: w.family },
      success_url: `${page}?paid=1`,
      cancel_url: page,
    });
    expect(session.line_items?.data).toMatchObject([{ description: `Invoice ${sent.number}`, quantity: 1, amount_total: 8886 }]);
    const minutesLeft = (session.expires_at * 1000 - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(29);
    expect(minutesLeft).toBeLessThanOrEqual(60);

    // A second press with nothing changed gets the same session; after a payment the amount differs.
    expect((await checkout(token)).body.url).toBe(res.body.url);
    await pay(w, sent.id, 886);
    const smaller = await checkout(token);
    expect(smaller.body.url).not.toBe(res.body.url);
    const retrieved = await (await stripeClient(secretKey)).checkout.sessions.retrieve(smaller.body.url.split("/").pop());
    expect(retrieved.amount_total).toBe(8000);
  });
});
