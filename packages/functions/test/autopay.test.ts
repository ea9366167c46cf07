import { randomUUID } from "node:crypto";
import { recordPayment } from "@studiosync/core/billing";
import { stripeClient } from "@studiosync/core/billing/stripe-library";
import { zonedInstant } from "@studiosync/core/kernel";
import { extractLink, readMail } from "@studiosync/local/testing";
import { describe, expect, it } from "vitest";
import { chargeAutopay } from "../src/modules/invoices/jobs/charge-autopay";
import { api } from "./support/api";
import { billingWorld, sentInvoice, type BillingWorld } from "./support/billing";

/** Stripe keys for the studio on the local emulator (a fresh test account per call). */
async function connectStripe(w: BillingWorld) {
  const secretKey = `sk_test_${randomUUID().replaceAll("-", "")}`;
  const endpoint = await (await stripeClient(secretKey)).webhookEndpoints.create({
    url: "http://127.0.0.1:9/v1/webhooks/stripe",
    enabled_events: ["checkout.session.completed"],
  });
  const res = await api("PUT", `/v1/studios/${w.studioId}/billing-settings`, {
    token: w.owner.accessToken,
    body: { stripe: { publishableKey: `pk_test_${randomUUID().replaceAll("-", "")}`, secretKey, webhookSecret: endpoint.secret } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return secretKey;
}

/** The token of the newest emailed link to the invoice numbered `number`. */
async function emailedToken(w: BillingWorld, number: string) {
  const mails = await readMail(w.guardianEmail, { subject: `Invoice ${number} ` });
  const link = new URL(extractLink(mails.at(-1)!.body.text ?? "", `/${w.owner.studio.slug}/invoices/`));
  return decodeURIComponent(link.pathname.split("/").pop()!);
}

const publicPath = (token: string, rest = "") => `/v1/public/invoices/${encodeURIComponent(token)}${rest}`;

/** A family saves a card from the invoice page: Stripe's page (the emulator), a test card, back to the invoice page, completed there. */
async function saveCard(w: BillingWorld, token: string, cardNumber: string) {
  const start = await api("POST", publicPath(token, "/card"));
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const saved = await fetch(`${start.body.url}/save`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `card=${cardNumber}`,
    redirect: "manual",
  });
  const back = new URL(saved.headers.get("location")!);
  expect(back.pathname).toBe(`/${w.owner.studio.slug}/invoices/${encodeURIComponent(token)}`);
  return api("POST", publicPath(token, "/card/complete"), { body: { sessionId: back.searchParams.get("card") } });
}

/** Noon on the invoice's due date in the studio's zone. */
const dueNoon = (dueDate: string) => zonedInstant(dueDate, "12:00", "America/New_York");

describe("automatic payments with a saved card", () => {
  it("charges an invoice on its due date once, refunds to the card, and a declined card emails the family once", async () => {
    const w = await billingWorld();
    const secretKey = await connectStripe(w);
    const invoice = await sentInvoice(w.owner, w.family, [{ description: "Lessons", quantity: 1, unitPriceMinor: 12_000 }]);
    const token = await emailedToken(w, invoice.number);
    expect((await api("GET", publicPath(token))).body.payment).toMatchObject({ stripe: true, autopay: null, canSaveCard: true });

    const saved = await saveCard(w, token, "4242424242424242");
    expect(saved.body).toMatchObject({ brand: "visa", last4: "4242", words: "Visa •••• 4242" });
    expect((await api("GET", publicPath(token))).body.payment.autopay).toEqual({ card: "Visa •••• 4242" });

    // The day before: nothing; on the due date (twice): one charge, recorded as a card payment with its receipt.
    const due = dueNoon(invoice.dueDate);
    await chargeAutopay(() => new Date(due.getTime() - 86_400_000))();
    expect((await api("GET", `/v1/studios/${w.studioId}/invoices/${invoice.id}`, { token: w.owner.accessToken })).body.status).toBe("sent");
    await chargeAutopay(() => due)();
    await chargeAutopay(() => due)();
    const paid = await api("GET", `/v1/studios/${w.studioId}/invoices/${invoice.id}`, { token: w.owner.accessToken });
    expect(paid.body).toMatchObject({ status: "paid", balanceDueMinor: 0 });
    const stripe = await stripeClient(secretKey);
    const intents = await stripe.paymentIntents.list({ limit: 10 });
    expect(intents.data.filter((pi) => pi.metadata.invoiceId === invoice.id)).toHaveLength(1);
    await readMail(w.guardianEmail, { subject: "Receipt: $120.00" });
    const payments = (await api("GET", `/v1/studios/${w.studioId}/payments?accountId=${w.family}`, { token: w.owner.accessToken })).body.items;
    const card = payments.find((p: { source: string }) => p.source === "stripe");
    expect(card).toMatchObject({ method: "card", amountMinor: 12_000, stripePaymentIntentId: intents.data[0]!.id });

    // A refund goes back to the card at Stripe before it is recorded.
    const refund = await api("POST", `/v1/studios/${w.studioId}/payments/${card.id}/refunds`, {
      token: w.owner.accessToken,
      body: { amountMinor: 2_000, reason: "One lesson cancelled" },
    });
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    expect(refund.body.refunds).toEqual([expect.objectContaining({ amountMinor: 2_000, stripeRefundId: expect.stringMatching(/^re_/) })]);
    const refunds = await stripe.refunds.list({ payment_intent: intents.data[0]!.id });
    expect(refunds.data.map((r) => r.amount)).toEqual([2_000]);

    // A card that declines: the family is told once, and the invoice stays open for the reminders.
    const second = await sentInvoice(w.owner, w.family, [{ description: "More lessons", quantity: 1, unitPriceMinor: 9_000 }]);
    const secondToken = await emailedToken(w, second.number);
    expect((await saveCard(w, secondToken, "4000000000000341")).body.last4).toBe("0341");
    await chargeAutopay(() => dueNoon(second.dueDate))();
    await chargeAutopay(() => dueNoon(second.dueDate))();
    const [failed] = await readMail(w.guardianEmail, { subject: `Automatic payment failed: invoice ${second.number}` });
    expect(failed!.body.text).toContain("Visa •••• 0341");
    expect((await api("GET", `/v1/studios/${w.studioId}/invoices/${second.id}`, { token: w.owner.accessToken })).body.status).toBe("sent");
    expect((await readMail(w.guardianEmail, { subject: "Automatic payment failed", count: 1 })).length).toBe(1);

    // Turning it off from the page.
    expect((await api("DELETE", publicPath(secondToken, "/card"))).status).toBe(204);
    expect((await api("GET", publicPath(secondToken))).body.payment.autopay).toBeNull();
  });

  it("refuses a card refund Stripe refuses, and writes nothing", async () => {
    const w = await billingWorld();
    await connectStripe(w);
    const invoice = await sentInvoice(w.owner, w.family, [{ description: "Lessons", quantity: 1, unitPriceMinor: 5_000 }]);
    const payment = await recordPayment(w.studioId, {
      accountId: w.family,
      amountMinor: 5_000,
      method: "card",
      source: "stripe",
      invoiceId: invoice.id,
      receivedAt: new Date().toISOString(),
      stripePaymentIntentId: "pi_not_at_stripe",
    });
    const refund = await api("POST", `/v1/studios/${w.studioId}/payments/${payment.id}/refunds`, {
      token: w.owner.accessToken,
      body: { amountMinor: 1_000, reason: "Test" },
    });
    expect([refund.status, refund.body.code]).toEqual([409, "payment.card_refund_failed"]);
    const after = await api("GET", `/v1/studios/${w.studioId}/payments/${payment.id}`, { token: w.owner.accessToken });
    expect(after.body).toMatchObject({ refundedMinor: 0, refunds: [] });
  });
});
