import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadStripe, type StripeClient } from "@studiosync/core/billing/stripe-library";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseForm, startStripeLocal } from "../src/engines/stripe-local";

/** The real `stripe` library against the emulator at `base`, with its own test key (its own account). */
async function client(base: string, key = `sk_test_${randomUUID().replaceAll("-", "")}`): Promise<StripeClient> {
  const Stripe = await loadStripe();
  const url = new URL(base);
  return new Stripe(key, { host: url.hostname, port: url.port, protocol: "http", maxNetworkRetries: 0 });
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

const env = inject("localEnv");
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const sessionParams = (overrides: Record<string, unknown> = {}) => ({
  mode: "payment" as const,
  line_items: [
    { quantity: 2, price_data: { currency: "usd", unit_amount: 617, product_data: { name: "Invoice INV-000007", description: "Riverside Music" } } },
  ],
  metadata: { studioId: "studio-1", invoiceId: "invoice-7" },
  client_reference_id: "invoice-7",
  success_url: "http://127.0.0.1:4321/riverside/invoices/t?paid=1&session={CHECKOUT_SESSION_ID}",
  cancel_url: "http://127.0.0.1:4321/riverside/invoices/t",
  expires_at: inAnHour(),
  ...overrides,
});

describe("the local Stripe emulator through the stripe library", () => {
  it("is what STRIPE_API_BASE points at in tests", () => {
    expect(env.stripeApiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env.STRIPE_API_BASE).toBe(env.stripeApiBase);
  });

  it("keeps webhook endpoints per API key and shows the signing secret only when created", async () => {
    const stripe = await client(env.stripeApiBase!);
    const endpoint = await stripe.webhookEndpoints.create({ url: hookUrl, enabled_events: ["checkout.session.completed"] });
    expect(endpoint).toMatchObject({
      object: "webhook_endpoint",
      url: hookUrl,
      enabled_events: ["checkout.session.completed"],
      status: "enabled",
      livemode: false,
    });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    const listed = await stripe.webhookEndpoints.list();
    expect(listed.data.map((e) => e.id)).toEqual([endpoint.id]);
    expect(listed.data[0]).not.toHaveProperty("secret");
    expect((await stripe.webhookEndpoints.retrieve(endpoint.id)).url).toBe(hookUrl);

    const stranger = await client(env.stripeApiBase!);
    await expect(stranger.webhookEndpoints.retrieve(endpoint.id)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
    });
    await expect(stripe.webhookEndpoints.create({ url: hookUrl, enabled_events: [] })).rejects.toMatchObject({ statusCode: 400, param: "enabled_events" });
    expect(await stripe.webhookEndpoints.del(endpoint.id)).toMatchObject({ id: endpoint.id, deleted: true });
    expect((await stripe.webhookEndpoints.list()).data).toEqual([]);
  });

  it("creates Checkout Sessions from the library's form encoding, answers idempotent retries, and refuses bad ones as Stripe does", async () => {
    const stripe = await client(env.stripeApiBase!);
    const session = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: "pay-7" });
    expect(session).toMatchObject({
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: 1234,
      currency: "usd",
      metadata: { studioId: "studio-1", invoiceId: "invoice-7" },
      client_reference_id: "invoice-7",
      payment_intent: null,
      url: `${env.stripeApiBase}/checkout/${session.id}`,
    });
    expect(session.id).toMatch(/^cs_test_[A-Za-z0-9]+$/);
    const withItems = await stripe.checkout.sessions.retrieve(session.id, { expand: ["line_items"] });
    expect(withItems.line_items?.data).toMatchObject([{ description: "Invoice INV-000007", quantity: 2, amount_total: 1234, price: { unit_amount: 617 } }]);

    expect((await stripe.checkout.sessions.create(sessionParams({ expires_at: session.expires_at }), { idempotencyKey: "pay-7" })).id).toBe(session.id);
    await expect(stripe.checkout.sessions.create(sessionParams({ client_reference_id: "other" }), { idempotencyKey: "pay-7" })).rejects.toMatchObject({
      type: "StripeIdempotencyError",
    });
    await expect(stripe.checkout.sessions.create(sessionParams({ line_items: [] }))).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "line_items",
    });
    await expect(stripe.checkout.sessions.create(sessionParams({ expires_at: Math.floor(Date.now() / 1000) + 60 }))).rejects.toMatchObject({
      param: "expires_at",
    });
    await expect((await client(env.stripeApiBase!, "not-a-key")).checkout.sessions.retrieve(session.id)).rejects.toMatchObject({
      type: "StripeAuthenticationError",
      statusCode: 401,
    });
  });

  it("takes a payment on its checkout page, sends the event signed with the endpoint's secret, then redirects to success_url", async () => {
    const stripe = await client(env.stripeApiBase!);
    const endpoint = await stripe.webhookEndpoints.create({ url: hookUrl, enabled_events: ["checkout.session.completed"] });
    const session = await stripe.checkout.sessions.create(sessionParams());

    const page = await fetch(session.url!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<h1>Pay $12.34</h1>");
    expect(html).toContain(`action="/checkout/${session.id}/pay"`);

    const before = deliveries.length;
    const paid = await fetch(`${env.stripeApiBase}/checkout/${session.id}/pay`, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`http://127.0.0.1:4321/riverside/invoices/t?paid=1&session=${session.id}`);
    expect(deliveries).toHaveLength(before + 1);

    const { webhooks } = await loadStripe();
    const delivery = deliveries.at(-1)!;
    const event = webhooks.constructEvent(delivery.body, delivery.signature, endpoint.secret!);
    expect(() => webhooks.constructEvent(delivery.body, delivery.signature, "whsec_someoneElse")).toThrow(/signature/i);
    expect(event).toMatchObject({
      type: "checkout.session.completed",
      data: { object: { id: session.id, status: "complete", payment_status: "paid", amount_total: 1234 } },
    });
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    expect(completed).toMatchObject({ status: "complete", payment_status: "paid", url: session.url });
    expect(completed.payment_intent).toMatch(/^pi_/);
    expect((await stripe.events.retrieve(event.id)).data.object).toMatchObject({ id: session.id });

    // Paying again just goes back: no second event.
    const again = await fetch(`${env.stripeApiBase}/checkout/${session.id}/pay`, { method: "POST", redirect: "manual" });
    expect(again.status).toBe(303);
    expect(deliveries).toHaveLength(before + 1);
    expect((await stripe.events.list()).data).toHaveLength(1);
  });

  it("expires sessions: the page says so and cannot be paid", async () => {
    const stripe = await client(env.stripeApiBase!);
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect(await stripe.checkout.sessions.expire(session.id)).toMatchObject({ status: "expired", url: null });
    expect((await fetch(`${env.stripeApiBase}/checkout/${session.id}`)).status).toBe(410);
    expect((await fetch(`${env.stripeApiBase}/checkout/${session.id}/pay`, { method: "POST", redirect: "manual" })).status).toBe(410);
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe("unpaid");
  });

  it("keeps its state across restarts when given a state file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stripe-local-"));
    try {
      const first = await startStripeLocal({ stateFile: join(dir, "stripe.json") });
      const key = `sk_test_${randomUUID().replaceAll("-", "")}`;
      const endpoint = await (await client(first.apiBase, key)).webhookEndpoints.create({ url: hookUrl, enabled_events: ["*"] });
      const session = await (await client(first.apiBase, key)).checkout.sessions.create(sessionParams());
      await first.stop();

      const second = await startStripeLocal({ stateFile: join(dir, "stripe.json") });
      try {
        const stripe = await client(second.apiBase, key);
        expect((await stripe.webhookEndpoints.retrieve(endpoint.id)).url).toBe(hookUrl);
        expect((await stripe.checkout.sessions.retrieve(session.id)).url).toBe(`${second.apiBase}/checkout/${session.id}`);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads Stripe's bracketed form encoding into objects and arrays", () => {
    expect(parseForm("a[b][0][c]=1&a[b][1][c]=2&e[]=x&e[]=y&metadata[k]=v%20w&n=")).toEqual({
      a: { b: [{ c: "1" }, { c: "2" }] },
      e: ["x", "y"],
      metadata: { k: "v w" },
      n: "",
    });
  });
});
