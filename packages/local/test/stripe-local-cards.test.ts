import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCheckoutSession, StripeRequestError, stripeRequest } from "@studiosync/core/billing";
import { loadStripe, type StripeClient } from "@studiosync/core/billing/stripe-library";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
// Core's plain-HTTP client (no package export of its own: the Lambdas reach it through billing/stripe).
import { startStripeLocal } from "../src/engines/stripe-local";

const env = inject("localEnv");
const newKey = () => `sk_test_${randomUUID().replaceAll("-", "")}`;

/** The real `stripe` library against the emulator at `base`. */
async function client(key: string, base = env.stripeApiBase!): Promise<StripeClient> {
  const Stripe = await loadStripe();
  const url = new URL(base);
  return new Stripe(key, { host: url.hostname, port: url.port, protocol: "http", maxNetworkRetries: 0 });
}

/** What `promise` rejects with (it must reject). */
async function rejection<E = StripeRequestError>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error("expected a rejection");
}

/** A webhook receiver: every delivery's signature header and raw body. */
let hook: Server;
let hookUrl: string;
const deliveries: Array<{ signature: string; body: string }> = [];
beforeAll(async () => {
  hook = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      deliveries.push({ signature: String(req.headers["stripe-signature"]), body });
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
});
afterAll(() => hook?.close());

/** The events delivered to `endpoint` (checked against its secret), oldest first. */
async function delivered(secret: string) {
  const { webhooks } = await loadStripe();
  return deliveries.flatMap((d) => {
    try {
      return [webhooks.constructEvent(d.body, d.signature, secret)];
    } catch {
      return [];
    }
  });
}

/** Submits the hosted page's form as a browser would: its action, its checked radio (or the one labelled `choose`). */
async function submitPage(pageUrl: string, choose?: string): Promise<Response> {
  const html = await (await fetch(pageUrl)).text();
  const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error(`no form on ${pageUrl}`);
  const radios = [...form[2]!.matchAll(/<label><input type="radio" name="([^"]+)" value="([^"]+)"( checked)?><span>([^<]*)/g)].map((m) => ({
    name: m[1]!,
    value: m[2]!,
    checked: Boolean(m[3]),
    label: m[4]!,
  }));
  const picked = choose ? radios.find((r) => r.label.includes(choose)) : radios.find((r) => r.checked);
  const body = new URLSearchParams(picked ? { [picked.name]: picked.value } : {});
  return fetch(new URL(form[1]!, pageUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: body.toString(),
    redirect: "manual",
  });
}

interface Session {
  id: string;
  url: string;
  status: string;
  setup_intent: null | string | { id: string; payment_method: string | { id: string; card: { last4: string } } };
}

/** A card saved on the hosted page of a setup-mode session for `customer`, through core's client: its `pm_…`. */
async function saveCard(key: string, customer: string, choose: string): Promise<string> {
  const session = await stripeRequest<Session>(key, "POST", "/v1/checkout/sessions", {
    mode: "setup",
    customer,
    currency: "usd",
    success_url: "http://127.0.0.1:4321/cards?session={CHECKOUT_SESSION_ID}",
    cancel_url: "http://127.0.0.1:4321/cards",
  });
  expect((await submitPage(session.url, choose)).status).toBe(303);
  const done = await stripeRequest<Session>(key, "GET", `/v1/checkout/sessions/${session.id}`, { expand: ["setup_intent"] });
  const setupIntent = done.setup_intent as { payment_method: string };
  return setupIntent.payment_method;
}

interface Intent {
  id: string;
  status: string;
  amount: number;
  amount_received: number;
  latest_charge: string | null;
  payment_method: string | null;
  last_payment_error: { code: string; decline_code: string; payment_method: { id: string } } | null;
}

describe("saving cards with a setup-mode Checkout Session on the emulator", () => {
  it("shows the test cards, saves the chosen one for the customer, completes the session and redirects", async () => {
    const key = newKey();
    const stripe = await client(key);
    const endpoint = await stripe.webhookEndpoints.create({ url: hookUrl, enabled_events: ["checkout.session.completed", "setup_intent.succeeded"] });
    const customer = await stripe.customers.create({
      email: "ada@riverside.test",
      name: "Ada Okafor",
      description: "Okafor family",
      metadata: { studioId: "studio-1", accountId: "account-1" },
    });
    expect(customer).toMatchObject({
      object: "customer",
      email: "ada@riverside.test",
      name: "Ada Okafor",
      metadata: { studioId: "studio-1", accountId: "account-1" },
      invoice_settings: { default_payment_method: null },
    });
    expect(customer.id).toMatch(/^cus_[A-Za-z0-9]+$/);

    const session = await stripe.checkout.sessions.create({
      mode: "setup",
      customer: customer.id,
      currency: "usd",
      success_url: "http://127.0.0.1:4321/riverside/cards?saved=1&session={CHECKOUT_SESSION_ID}",
      cancel_url: "http://127.0.0.1:4321/riverside/cards",
      metadata: { studioId: "studio-1", accountId: "account-1" },
    });
    expect(session).toMatchObject({
      mode: "setup",
      status: "open",
      payment_status: "no_payment_required",
      amount_total: null,
      customer: customer.id,
      setup_intent: null,
      payment_intent: null,
      url: `${env.stripeApiBase}/checkout/${session.id}`,
    });

    const page = await (await fetch(session.url!)).text();
    expect(page).toContain("<h1>Save a card</h1>");
    expect(page).toContain(`action="/checkout/${session.id}/save"`);
    expect(page).toContain('value="4242424242424242" checked');
    expect(page).toContain('value="5555555555554444"');
    expect(page).toContain("4000 0000 0000 0341<small>attaches, but charges are declined</small>");
    expect(page).toContain("ada@riverside.test");
    // Saving is this page's only action; Pay is not.
    expect((await fetch(`${env.stripeApiBase}/checkout/${session.id}/pay`, { method: "POST", redirect: "manual" })).status).toBe(404);

    const saved = await submitPage(session.url!, "Mastercard");
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`http://127.0.0.1:4321/riverside/cards?saved=1&session=${session.id}`);

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["setup_intent.payment_method"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "no_payment_required", customer: customer.id });
    const setupIntent = done.setup_intent as Exclude<typeof done.setup_intent, string | null>;
    expect(setupIntent).toMatchObject({ object: "setup_intent", status: "succeeded", usage: "off_session", customer: customer.id });
    expect(setupIntent.id).toMatch(/^seti_/);
    const card = setupIntent.payment_method as Exclude<typeof setupIntent.payment_method, string | null>;
    expect(card).toMatchObject({
      object: "payment_method",
      type: "card",
      customer: customer.id,
      card: { brand: "mastercard", last4: "4444", funding: "credit", country: "US" },
    });
    expect(card.id).toMatch(/^pm_[A-Za-z0-9]+$/);
    expect(card.card!.exp_year).toBeGreaterThan(new Date().getUTCFullYear());

    // The same objects one by one, through the library and through core's client.
    expect((await stripe.paymentMethods.retrieve(card.id)).card?.last4).toBe("4444");
    expect((await stripe.setupIntents.retrieve(setupIntent.id, { expand: ["payment_method"] })).payment_method).toMatchObject({ id: card.id });
    const viaCore = await stripeRequest<Session>(key, "GET", `/v1/checkout/sessions/${session.id}`, { expand: ["setup_intent"] });
    expect(viaCore.setup_intent).toMatchObject({ id: setupIntent.id, payment_method: card.id });
    expect((await stripe.customers.listPaymentMethods(customer.id, { type: "card" })).data.map((pm) => pm.id)).toEqual([card.id]);

    const updated = await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id }, metadata: { accountId: "" } });
    expect(updated.invoice_settings.default_payment_method).toBe(card.id);
    expect(updated.metadata).toEqual({ studioId: "studio-1" });
    const withDefault = await stripe.customers.retrieve(customer.id, { expand: ["invoice_settings.default_payment_method"] });
    expect(withDefault).toMatchObject({ invoice_settings: { default_payment_method: { id: card.id, card: { last4: "4444" } } } });
    await expect(stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: "pm_nothing" } })).rejects.toMatchObject({
      statusCode: 400,
      param: "invoice_settings[default_payment_method]",
    });

    const events = await delivered(endpoint.secret!);
    expect(events.map((e) => e.type)).toEqual(["setup_intent.succeeded", "checkout.session.completed"]);
    expect(events[1]!.data.object).toMatchObject({ id: session.id, mode: "setup", status: "complete", setup_intent: setupIntent.id });

    // Afterwards the page says so, and saving again just goes back.
    const after = await (await fetch(session.url!)).text();
    expect(after).toContain("<h1>Card saved</h1>");
    expect(after).toContain("Mastercard •••• 4444");
    expect(
      (await fetch(`${env.stripeApiBase}/checkout/${session.id}/save`, { method: "POST", body: "card=4242424242424242", redirect: "manual" })).status,
    ).toBe(303);
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toHaveLength(1);
  });

  it("refuses setup sessions Stripe would refuse", async () => {
    const key = newKey();
    const stripe = await client(key);
    const base = { mode: "setup" as const, success_url: "http://127.0.0.1:4321/ok" };
    await expect(stripe.checkout.sessions.create(base)).rejects.toMatchObject({ statusCode: 400, param: "currency" });
    await expect(stripe.checkout.sessions.create({ ...base, currency: "usd", customer: "cus_nobody" })).rejects.toMatchObject({
      param: "customer",
      code: "resource_missing",
    });
    await expect(
      stripe.checkout.sessions.create({
        ...base,
        currency: "usd",
        line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 100, product_data: { name: "x" } } }],
      }),
    ).rejects.toMatchObject({ param: "line_items" });
    // The pinned library's types no longer offer payment_method_types; the API still takes it.
    const byTypes = await stripeRequest(key, "POST", "/v1/checkout/sessions", { ...base, payment_method_types: ["card"] });
    expect(byTypes).toMatchObject({ currency: null, customer: null, payment_method_types: ["card"] });
  });
});

describe("off-session payments, declines and refunds on the emulator", () => {
  it("charges a saved 4242 card off-session, once per Idempotency-Key", async () => {
    const key = newKey();
    const stripe = await client(key);
    const endpoint = await stripe.webhookEndpoints.create({ url: hookUrl, enabled_events: ["payment_intent.succeeded", "payment_intent.payment_failed"] });
    const customer = await stripeRequest<{ id: string }>(key, "POST", "/v1/customers", { email: "sam@riverside.test", name: "Sam" });
    const visa = await saveCard(key, customer.id, "Visa");
    expect((await stripe.paymentMethods.retrieve(visa)).card).toMatchObject({ brand: "visa", last4: "4242" });

    const params = {
      amount: 4500,
      currency: "gbp",
      customer: customer.id,
      payment_method: visa,
      off_session: true,
      confirm: true,
      description: "Invoice INV-000042",
      metadata: { studioId: "studio-1", invoiceId: "invoice-42" },
      receipt_email: "sam@riverside.test",
    };
    const intent = await stripeRequest<Intent>(key, "POST", "/v1/payment_intents", params, "charge-invoice-42");
    expect(intent).toMatchObject({ object: "payment_intent", status: "succeeded", amount: 4500, amount_received: 4500, currency: "gbp", payment_method: visa });
    expect(intent.id).toMatch(/^pi_/);
    expect(intent.latest_charge).toMatch(/^ch_/);

    // A retry with the same key and parameters is the same payment; other parameters are refused.
    const again = await stripeRequest<Intent>(key, "POST", "/v1/payment_intents", params, "charge-invoice-42");
    expect(again.id).toBe(intent.id);
    const misuse = await rejection(stripeRequest(key, "POST", "/v1/payment_intents", { ...params, amount: 4600 }, "charge-invoice-42"));
    expect(misuse).toBeInstanceOf(StripeRequestError);
    expect(misuse).toMatchObject({ status: 400, type: "idempotency_error" });
    const listed = await stripeRequest<{ data: Intent[] }>(key, "GET", "/v1/payment_intents", { customer: customer.id });
    expect(listed.data.map((p) => p.id)).toEqual([intent.id]);

    // Through the library too, with its own idempotency key.
    const byLibrary = await stripe.paymentIntents.create({ ...params, amount: 1200 }, { idempotencyKey: "charge-invoice-43" });
    expect((await stripe.paymentIntents.create({ ...params, amount: 1200 }, { idempotencyKey: "charge-invoice-43" })).id).toBe(byLibrary.id);
    const charge = await stripe.charges.retrieve(byLibrary.latest_charge as string);
    expect(charge).toMatchObject({
      status: "succeeded",
      paid: true,
      amount: 1200,
      payment_intent: byLibrary.id,
      metadata: { studioId: "studio-1", invoiceId: "invoice-42" },
      payment_method_details: { card: { last4: "4242" } },
    });

    expect((await delivered(endpoint.secret!)).map((e) => [e.type, (e.data.object as { id: string }).id])).toEqual([
      ["payment_intent.succeeded", intent.id],
      ["payment_intent.succeeded", byLibrary.id],
    ]);
  });

  it("declines a saved 0341 card with a 402 card_declined and keeps the failed intent", async () => {
    const key = newKey();
    const stripe = await client(key);
    const endpoint = await stripe.webhookEndpoints.create({ url: hookUrl, enabled_events: ["payment_intent.payment_failed"] });
    const customer = await stripeRequest<{ id: string }>(key, "POST", "/v1/customers", { email: "lee@riverside.test" });
    const failing = await saveCard(key, customer.id, "0341");
    expect((await stripe.paymentMethods.retrieve(failing)).card?.last4).toBe("0341");

    const params = { amount: 3000, currency: "usd", customer: customer.id, payment_method: failing, off_session: true, confirm: true };
    const declined = await rejection(stripeRequest(key, "POST", "/v1/payment_intents", params, "charge-lee-1"));
    expect(declined).toBeInstanceOf(StripeRequestError);
    expect(declined).toMatchObject({
      status: 402,
      type: "card_error",
      code: "card_declined",
      declineCode: "generic_decline",
      message: "Your card was declined.",
    });
    expect(declined.paymentIntentId).toMatch(/^pi_/);
    expect(declined.raw.payment_intent).toMatchObject({ id: declined.paymentIntentId, status: "requires_payment_method" });

    const stored = await stripeRequest<Intent>(key, "GET", `/v1/payment_intents/${declined.paymentIntentId}`);
    expect(stored).toMatchObject({
      status: "requires_payment_method",
      amount_received: 0,
      payment_method: null,
      last_payment_error: { code: "card_declined", decline_code: "generic_decline", payment_method: { id: failing } },
    });
    expect(await stripe.charges.retrieve(stored.latest_charge!)).toMatchObject({ status: "failed", paid: false, failure_code: "card_declined" });

    // The decline is the key's answer: a retry gets it again, for the same intent.
    const replayed = await rejection(stripeRequest(key, "POST", "/v1/payment_intents", params, "charge-lee-1"));
    expect(replayed).toMatchObject({ status: 402, paymentIntentId: declined.paymentIntentId });

    // The library raises its StripeCardError with the same fields.
    const card = await rejection<{ type: string; statusCode: number; code: string; decline_code: string; payment_intent: { id: string; status: string } }>(
      stripe.paymentIntents.create(params),
    );
    expect(card).toMatchObject({ type: "StripeCardError", statusCode: 402, code: "card_declined", decline_code: "generic_decline" });
    expect(card.payment_intent).toMatchObject({ status: "requires_payment_method" });

    // A working card then pays the same intent.
    const visa = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    const paid = await stripe.paymentIntents.confirm(card.payment_intent.id, { payment_method: visa.id, off_session: true });
    expect(paid).toMatchObject({ status: "succeeded", amount_received: 3000, payment_method: visa.id });

    const failures = (await delivered(endpoint.secret!)).map((e) => e.type);
    expect(failures).toEqual(["payment_intent.payment_failed", "payment_intent.payment_failed"]);
  });

  it("refunds part, then the rest, and refuses more than is left", async () => {
    const key = newKey();
    const stripe = await client(key);
    const endpoint = await stripe.webhookEndpoints.create({ url: hookUrl, enabled_events: ["charge.refunded"] });
    const customer = await stripe.customers.create({ email: "kim@riverside.test" });
    const card = await stripe.paymentMethods.attach("pm_card_mastercard", { customer: customer.id });
    expect(card).toMatchObject({ customer: customer.id, card: { brand: "mastercard", last4: "4444" } });
    const intent = await stripe.paymentIntents.create({
      amount: 4500,
      currency: "usd",
      customer: customer.id,
      payment_method: card.id,
      off_session: true,
      confirm: true,
      metadata: { studioId: "studio-1" },
    });

    const partial = await stripeRequest<{ id: string; object: string; status: string; amount: number; charge: string; payment_intent: string }>(
      key,
      "POST",
      "/v1/refunds",
      { payment_intent: intent.id, amount: 1500, reason: "requested_by_customer", metadata: { refundId: "refund-1" } },
      "refund-1",
    );
    expect(partial).toMatchObject({ object: "refund", status: "succeeded", amount: 1500, charge: intent.latest_charge, payment_intent: intent.id });
    expect(partial.id).toMatch(/^re_/);
    expect(await stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ amount_refunded: 1500, refunded: false });

    const tooMuch = await rejection(stripeRequest(key, "POST", "/v1/refunds", { payment_intent: intent.id, amount: 3001 }));
    expect(tooMuch).toMatchObject({ status: 400, type: "invalid_request_error", param: "amount", code: "amount_too_large" });
    expect(tooMuch.message).toBe("Refund amount ($30.01) is greater than unrefunded amount on charge ($30.00)");

    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest).toMatchObject({ amount: 3000, status: "succeeded" });
    expect(await stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ amount_refunded: 4500, refunded: true });
    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 1 })).rejects.toMatchObject({ statusCode: 400, code: "charge_already_refunded" });
    expect((await stripe.refunds.retrieve(partial.id)).metadata).toEqual({ refundId: "refund-1" });
    expect((await stripe.refunds.list({ payment_intent: intent.id })).data.map((r) => r.id)).toEqual([rest.id, partial.id]);

    const refunded = (await delivered(endpoint.secret!)).map((e) => e.data.object as { object: string; amount_refunded: number });
    expect(refunded.map((c) => [c.object, c.amount_refunded])).toEqual([
      ["charge", 1500],
      ["charge", 4500],
    ]);
  });

  it("refunds a payment taken on the Checkout payment page", async () => {
    const key = newKey();
    const stripe = await client(key);
    const session = await createCheckoutSession(
      key,
      {
        mode: "payment",
        line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 2599, product_data: { name: "Invoice INV-000009" } } }],
        metadata: { studioId: "studio-1" },
        payment_intent_data: { metadata: { studioId: "studio-1", invoiceId: "invoice-9" } },
        success_url: "http://127.0.0.1:4321/paid",
      },
      `checkout-${randomUUID()}`,
    );
    expect(session.url).toBe(`${env.stripeApiBase}/checkout/${session.id}`);
    expect((await submitPage(session.url!)).status).toBe(303);
    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    const intent = paid.payment_intent as Exclude<typeof paid.payment_intent, string | null>;
    expect(intent).toMatchObject({ status: "succeeded", amount: 2599, amount_received: 2599, metadata: { studioId: "studio-1", invoiceId: "invoice-9" } });

    expect(await stripe.refunds.create({ payment_intent: intent.id, amount: 599 })).toMatchObject({ amount: 599, status: "succeeded" });
    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 2001 })).rejects.toMatchObject({ param: "amount" });

    // createCheckoutSession throws core's error with Stripe's message.
    const refused = await rejection(createCheckoutSession(key, { mode: "payment", success_url: "http://127.0.0.1:4321/paid" }, `checkout-${randomUUID()}`));
    expect(refused).toBeInstanceOf(StripeRequestError);
    expect(refused).toMatchObject({ status: 400, param: "line_items", message: "Missing required param: line_items." });
  });

  it("attaches Stripe's test cards as fresh pm_… with their behaviour, detaches for good, and refuses bad payment methods", async () => {
    const key = newKey();
    const stripe = await client(key);
    const [ada, bo] = [await stripe.customers.create({ email: "ada@riverside.test" }), await stripe.customers.create({ email: "bo@riverside.test" })];

    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: ada.id });
    expect(failing.id).toMatch(/^pm_[A-Za-z0-9]+$/);
    expect(failing).toMatchObject({ customer: ada.id, card: { last4: "0341" } });
    const charge = { amount: 2000, currency: "usd", customer: ada.id, off_session: true, confirm: true };
    await expect(stripe.paymentIntents.create({ ...charge, payment_method: failing.id })).rejects.toMatchObject({
      statusCode: 402,
      code: "card_declined",
    });
    await expect(stripe.paymentMethods.attach("pm_card_chargeDeclined", { customer: ada.id })).rejects.toMatchObject({
      type: "StripeCardError",
      code: "card_declined",
    });
    await expect(
      stripe.paymentIntents.create({ amount: 2000, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true }),
    ).rejects.toMatchObject({
      statusCode: 402,
    });
    const oneOff = await stripe.paymentIntents.create({ amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true });
    expect(oneOff.status).toBe("succeeded");
    expect(oneOff.payment_method).toMatch(/^pm_(?!card_)/);

    const visa = await stripe.paymentMethods.attach("pm_card_visa", { customer: ada.id });
    const refuse = async (params: Record<string, unknown>, param: string) => {
      const error = await rejection(stripeRequest(key, "POST", "/v1/payment_intents", { ...charge, ...params }));
      expect(error, JSON.stringify(params)).toMatchObject({ status: 400, type: "invalid_request_error", param });
    };
    await refuse({}, "payment_method");
    await refuse({ payment_method: "pm_nothing" }, "payment_method");
    await refuse({ payment_method: visa.id, customer: bo.id }, "payment_method");
    await refuse({ payment_method: visa.id, customer: undefined }, "customer");
    await refuse({ payment_method: visa.id, customer: "cus_nobody" }, "customer");
    await refuse({ payment_method: visa.id, amount: 20 }, "amount");
    await refuse({ payment_method: visa.id, surprise: "yes" }, "surprise");
    await refuse({ payment_method: oneOff.payment_method as string }, "payment_method");
    await expect(stripe.paymentMethods.attach(visa.id, { customer: bo.id })).rejects.toMatchObject({ statusCode: 400 });

    await stripe.customers.update(ada.id, { invoice_settings: { default_payment_method: visa.id } });
    expect(await stripe.paymentMethods.detach(visa.id)).toMatchObject({ id: visa.id, customer: null });
    expect((await stripe.customers.retrieve(ada.id)) as { invoice_settings: unknown }).toMatchObject({ invoice_settings: { default_payment_method: null } });
    expect((await stripe.customers.listPaymentMethods(ada.id, { type: "card" })).data.map((pm) => pm.id)).toEqual([failing.id]);
    await refuse({ payment_method: visa.id, customer: undefined }, "payment_method");
    await expect(stripe.paymentMethods.attach(visa.id, { customer: ada.id })).rejects.toMatchObject({ statusCode: 400 });
    await expect(stripe.paymentMethods.detach(visa.id)).rejects.toMatchObject({ statusCode: 400 });
    await expect(stripe.paymentMethods.retrieve("pm_nothing")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
    // Another account sees none of it.
    await expect((await client(newKey())).customers.retrieve(ada.id)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("the emulator's state file", () => {
  it("keeps customers, cards, intents and refunds, and reads an older file without them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stripe-local-"));
    const file = join(dir, "stripe.json");
    const key = newKey();
    try {
      // A file from before cards: one paid payment-mode session, no intents.
      const paidBefore = {
        id: "cs_test_before",
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: "paid",
        amount_subtotal: 1000,
        amount_total: 1000,
        currency: "usd",
        client_reference_id: null,
        customer_email: null,
        metadata: {},
        payment_intent: "pi_before",
        success_url: "http://127.0.0.1:4321/paid",
        cancel_url: null,
        url: "http://127.0.0.1:1/checkout/cs_test_before",
        created: Math.floor(Date.now() / 1000),
        expires_at: Math.floor(Date.now() / 1000) + 3600,
        livemode: false,
      };
      writeFileSync(file, JSON.stringify({ endpoints: [], sessions: [{ apiKey: key, session: paidBefore, lineItems: [] }], events: [] }));

      const first = await startStripeLocal({ stateFile: file });
      let ids: { customer: string; card: string; intent: string; refund: string };
      try {
        const stripe = await client(key, first.apiBase);
        expect(await stripe.checkout.sessions.retrieve("cs_test_before")).toMatchObject({ setup_intent: null, customer: null });
        expect(await stripe.refunds.create({ payment_intent: "pi_before", amount: 400 })).toMatchObject({ amount: 400 });
        const customer = await stripe.customers.create({ email: "ada@riverside.test" });
        const card = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
        const intent = await stripe.paymentIntents.create({
          amount: 900,
          currency: "usd",
          customer: customer.id,
          payment_method: card.id,
          confirm: true,
          off_session: true,
        });
        const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 100 });
        ids = { customer: customer.id, card: card.id, intent: intent.id, refund: refund.id };
      } finally {
        await first.stop();
      }

      const second = await startStripeLocal({ stateFile: file });
      try {
        const stripe = await client(key, second.apiBase);
        expect((await stripe.customers.retrieve(ids.customer)) as { email: string }).toMatchObject({ email: "ada@riverside.test" });
        expect((await stripe.customers.listPaymentMethods(ids.customer)).data.map((pm) => pm.id)).toEqual([ids.card]);
        const intent = await stripe.paymentIntents.retrieve(ids.intent, { expand: ["latest_charge"] });
        expect(intent).toMatchObject({ status: "succeeded", latest_charge: { amount_refunded: 100 } });
        expect((await stripe.refunds.retrieve(ids.refund)).amount).toBe(100);
        await expect(stripe.refunds.create({ payment_intent: "pi_before", amount: 601 })).rejects.toMatchObject({ param: "amount" });
        expect(await stripe.refunds.create({ payment_intent: "pi_before" })).toMatchObject({ amount: 600 });
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("core's stripeRequest", () => {
  /** A stand-in Stripe answering with `answers` in turn, recording the requests; STRIPE_API_BASE points at it for `run`. */
  async function against(answers: Array<{ status: number; body: unknown; headers?: Record<string, string> }>, run: () => Promise<void>) {
    const seen: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }> = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
        res.writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const before = process.env.STRIPE_API_BASE;
    process.env.STRIPE_API_BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await run();
    } finally {
      process.env.STRIPE_API_BASE = before;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    return seen;
  }

  it("form-encodes POSTs with an Idempotency-Key and the Stripe-Version, and retries a 5xx once with the same key", async () => {
    const seen = await against(
      [
        { status: 503, body: { error: { type: "api_error", message: "Try again" } } },
        { status: 200, body: { id: "cus_1" } },
      ],
      async () => {
        expect(await stripeRequest("sk_test_x", "POST", "/v1/customers", { email: "a@b.test", metadata: { k: "v w" }, expand: ["x"] })).toEqual({
          id: "cus_1",
        });
      },
    );
    expect(seen).toHaveLength(2);
    expect(seen[0]!.body).toBe("email=a%40b.test&metadata[k]=v%20w&expand[0]=x");
    expect(seen[0]!.headers).toMatchObject({
      authorization: "Bearer sk_test_x",
      "content-type": "application/x-www-form-urlencoded",
      "stripe-version": "2026-10-28.endive",
    });
    expect(seen[0]!.headers["idempotency-key"]).toMatch(/^stripe-node-retry-/);
    expect(seen[1]!.headers["idempotency-key"]).toBe(seen[0]!.headers["idempotency-key"]);
  });

  it("puts GET parameters in the query string, and neither retries nor hides a refusal", async () => {
    const seen = await against(
      [{ status: 500, body: { error: { type: "api_error", message: "Broken" } }, headers: { "Stripe-Should-Retry": "false" } }],
      async () => {
        const error = await rejection(stripeRequest("sk_test_x", "GET", "/v1/customers", { limit: 3, email: "a@b.test" }));
        expect(error).toMatchObject({ name: "StripeRequestError", status: 500, type: "api_error", message: "Broken" });
      },
    );
    expect(seen.map((s) => [s.method, s.url, s.headers["idempotency-key"]])).toEqual([["GET", "/v1/customers?limit=3&email=a%40b.test", undefined]]);
  });

  it("says when Stripe cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const before = process.env.STRIPE_API_BASE;
    process.env.STRIPE_API_BASE = `http://127.0.0.1:${port}`;
    try {
      const error = await rejection(stripeRequest("sk_test_x", "GET", "/v1/customers/cus_1"));
      expect(error).toMatchObject({ status: 0, type: "api_connection_error" });
    } finally {
      process.env.STRIPE_API_BASE = before;
    }
  });
});
