import { randomUUID } from "node:crypto";
import { billingDb } from "@studiosync/core/billing";
import { stripeClient, type StripeClient } from "@studiosync/core/billing/stripe-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractLink, outboxDrained, readMail } from "@studiosync/local/testing";
import { type ApiServer, startApiServer } from "@studiosync/local/start";
import { api } from "./support/api";
import { accountRecord, billingWorld, expectLedgerInvariants, getInvoice, sentInvoice } from "./support/billing";

/**
 * Stripe's webhook against the local Stripe emulator: payloads are signed with the library's
 * test helper (`webhooks.generateTestHeaderString`), or delivered by the emulator itself after a
 * payment on its checkout page (to this file's own HTTP server of the API).
 */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer(0);
});
afterAll(() => server?.close());

const EVENTS: Array<"checkout.session.completed" | "checkout.session.async_payment_succeeded"> = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
];

/** A billing world whose studio takes card payments through its own (emulated) Stripe account. */
async function stripeWorld(options: { currency?: string; taxRateMillipercent?: number } = {}) {
  const w = await billingWorld({ currency: options.currency ?? "USD" });
  const secretKey = `sk_test_${randomUUID().replaceAll("-", "")}`;
  const stripe = await stripeClient(secretKey);
  const endpoint = await stripe.webhookEndpoints.create({ url: `${server.url}/v1/webhooks/stripe`, enabled_events: EVENTS });
  const res = await api("PUT", `/v1/studios/${w.studioId}/billing-settings`, {
    token: w.owner.accessToken,
    body: {
      taxRateMillipercent: options.taxRateMillipercent ?? 0,
      stripe: { publishableKey: "pk_test_51Emulator", secretKey, webhookSecret: endpoint.secret },
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { ...w, stripe, webhookSecret: endpoint.secret! };
}
type StripeWorld = Awaited<ReturnType<typeof stripeWorld>>;

/** The invoice's public link token, from the invoice email. */
async function emailedToken(w: StripeWorld, number: string) {
  const [mail] = await readMail(w.guardianEmail, { subject: `Invoice ${number} ` });
  return new URL(extractLink(mail!.body.text ?? "", `/${w.owner.studio.slug}/invoices/`)).pathname.split("/").pop()!;
}

/** A Checkout Session for the invoice's balance, started as the public page starts it. */
async function openSession(w: StripeWorld, number: string) {
  const res = await api("POST", `/v1/public/invoices/${await emailedToken(w, number)}/checkout`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return w.stripe.checkout.sessions.retrieve(res.body.url.split("/").pop());
}

type Session = Awaited<ReturnType<StripeClient["checkout"]["sessions"]["retrieve"]>>;

/** A Stripe event about a session, as Stripe would send it (paid unless overridden). */
function eventFor(session: Session, overrides: { type?: string; object?: Record<string, unknown> } = {}) {
  return {
    id: `evt_test_${randomUUID().replaceAll("-", "")}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    type: overrides.type ?? "checkout.session.completed",
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        ...session,
        status: "complete",
        payment_status: "paid",
        payment_intent: `pi_test_${randomUUID().slice(0, 8)}`,
        url: null,
        ...overrides.object,
      },
    },
  };
}

/** The event as JSON with a `Stripe-Signature` made by the library's test helper. */
function signed(w: { stripe: StripeClient }, event: unknown, secret: string, timestamp?: number) {
  const payload = JSON.stringify(event, null, 2);
  return { payload, header: w.stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) }) };
}

const deliver = (message: { payload: string; header?: string }) =>
  api("POST", "/v1/webhooks/stripe", { rawBody: message.payload, headers: message.header ? { "Stripe-Signature": message.header } : {} });

async function paymentsOf(w: StripeWorld) {
  const res = await api("GET", `/v1/studios/${w.studioId}/payments?accountId=${w.family}`, { token: w.owner.accessToken });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as Array<Record<string, any>>;
}

/** The receipts emailed to the family: waits for `expected`, then until the studio's outbox has sent everything (any extra one included). */
async function receipts(w: StripeWorld, expected: number) {
  await readMail(w.guardianEmail, { subject: "Receipt:", count: expected });
  await outboxDrained(w.studioId);
  return readMail(w.guardianEmail, { subject: "Receipt:", count: expected });
}

describe("the Stripe webhook", () => {
  it("records the emulator's checkout.session.completed once: a replay, even several at once, records nothing more", async () => {
    // 3 × 33.33 = 99.99, tax 8.875 % = 8.874… → 8.87: 108.86.
    const w = await stripeWorld({ taxRateMillipercent: 8875 });
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Voice lesson", quantity: 3, unitPriceMinor: 3333 }]);
    expect(sent.totalMinor).toBe(10886);
    const session = await openSession(w, sent.number);

    // Paying on the emulator's page delivers the signed event to this file's API server before redirecting.
    const paid = await fetch(`${process.env.STRIPE_API_BASE}/checkout/${session.id}/pay`, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(session.success_url);

    const [payment, ...others] = await paymentsOf(w);
    expect(others).toHaveLength(0);
    const completed = await w.stripe.checkout.sessions.retrieve(session.id);
    expect(payment).toMatchObject({
      accountId: w.family,
      amountMinor: 10886,
      currency: "USD",
      method: "card",
      source: "stripe",
      status: "completed",
      allocations: [{ invoiceId: sent.id, amountMinor: 10886 }],
      unallocatedMinor: 0,
      reference: completed.payment_intent,
      stripePaymentIntentId: completed.payment_intent,
      recordedBy: null,
    });
    expect((await getInvoice(w.owner, sent.id)).body).toMatchObject({ status: "paid", amountPaidMinor: 10886, balanceDueMinor: 0 });
    const [receipt] = await receipts(w, 1);
    expect(receipt!.subject).toContain("$108.86");

    // Stripe re-sends the same event (a retry, or a second endpoint): the same id records nothing.
    const {
      data: [event],
    } = await w.stripe.events.list({ limit: 1 });
    expect(event).toMatchObject({ type: "checkout.session.completed", data: { object: { id: session.id } } });
    const stored = await billingDb().entities.stripeEvent.get({ studioId: w.studioId, eventId: event!.id }).go();
    expect(stored.data).toMatchObject({ studioId: w.studioId, type: "checkout.session.completed", paymentId: payment!.id });
    const replay = signed(w, event, w.webhookSecret);
    const answers = await Promise.all([deliver(replay), deliver(replay), deliver(signed(w, event, w.webhookSecret))]);
    for (const answer of answers) expect(answer.body).toEqual({ received: true, outcome: "duplicate", paymentId: null });
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);

    expect(await paymentsOf(w)).toHaveLength(1);
    expect(await receipts(w, 1)).toHaveLength(1);
    const account = await expectLedgerInvariants(w.studioId, w.family);
    expect(account).toMatchObject({ balanceMinor: 0, creditMinor: 0 });
  });

  it("records one payment when the first deliveries of an event arrive at the same time", async () => {
    const w = await stripeWorld();
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Drum lesson", quantity: 2, unitPriceMinor: 4250 }]);
    const message = signed(w, eventFor(await openSession(w, sent.number)), w.webhookSecret);
    const answers = await Promise.all(Array.from({ length: 4 }, () => deliver(message)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => a.body.outcome).sort()).toEqual(["duplicate", "duplicate", "duplicate", "recorded"]);
    const payments = await paymentsOf(w);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amountMinor: 8500, allocations: [{ invoiceId: sent.id, amountMinor: 8500 }] });
    expect(await receipts(w, 1)).toHaveLength(1);
    await expectLedgerInvariants(w.studioId, w.family);
  });

  it("records exactly what Stripe took: part of the balance, then more than is owed (the rest is account credit)", async () => {
    const w = await stripeWorld({ currency: "EUR" });
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Cello lesson", quantity: 1, unitPriceMinor: 10886 }]);
    const session = await openSession(w, sent.number);

    const part = await deliver(signed(w, eventFor(session, { object: { amount_total: 5000, amount_subtotal: 5000 } }), w.webhookSecret));
    expect(part.body.outcome).toBe("recorded");
    expect((await getInvoice(w.owner, sent.id)).body).toMatchObject({ status: "partial", amountPaidMinor: 5000, balanceDueMinor: 5886 });

    const more = await deliver(signed(w, eventFor(session, { object: { amount_total: 6000, amount_subtotal: 6000 } }), w.webhookSecret));
    expect(more.body.outcome).toBe("recorded");
    expect((await getInvoice(w.owner, sent.id)).body).toMatchObject({ status: "paid", amountPaidMinor: 10886, balanceDueMinor: 0 });
    const payment = (await paymentsOf(w)).find((p) => p.id === more.body.paymentId);
    expect(payment).toMatchObject({ amountMinor: 6000, currency: "EUR", allocations: [{ invoiceId: sent.id, amountMinor: 5886 }], unallocatedMinor: 114 });
    const account = await expectLedgerInvariants(w.studioId, w.family);
    expect(account).toMatchObject({ balanceMinor: -114, creditMinor: 114 });
    expect(await receipts(w, 2)).toHaveLength(2);
  });

  it("refuses (400) what the studio's webhook secret did not sign, recording nothing", async () => {
    const w = await stripeWorld();
    const other = await stripeWorld();
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Flute lesson", quantity: 1, unitPriceMinor: 7000 }]);
    const session = await openSession(w, sent.number);
    const event = eventFor(session);
    const good = signed(w, event, w.webhookSecret);
    const noStripe = await billingWorld();

    const cases: Record<string, { payload: string; header?: string }> = {
      "no signature": { payload: good.payload },
      "a made-up secret": signed(w, event, "whsec_notTheStudiosSecret123"),
      "another studio's secret": signed(w, event, other.webhookSecret),
      "the amount changed after signing": { payload: good.payload.replace('"amount_total": 7000', '"amount_total": 700000'), header: good.header },
      "a signature from 10 minutes ago": signed(w, event, w.webhookSecret, Math.floor(Date.now() / 1000) - 600),
      "an unknown studio": signed(w, eventFor(session, { object: { metadata: { ...session.metadata, studioId: randomUUID() } } }), w.webhookSecret),
      "a studio without Stripe": signed(w, eventFor(session, { object: { metadata: { ...session.metadata, studioId: noStripe.studioId } } }), w.webhookSecret),
      "no studio in the metadata": signed(w, eventFor(session, { object: { metadata: {} } }), w.webhookSecret),
      "not JSON": { payload: "amount=7000", header: w.stripe.webhooks.generateTestHeaderString({ payload: "amount=7000", secret: w.webhookSecret }) },
    };
    expect(good.payload).toContain('"amount_total": 7000');
    for (const [what, message] of Object.entries(cases)) {
      const res = await deliver(message);
      expect(res.status, what).toBe(400);
      expect(res.body.code, what).toBe("invalid_webhook");
    }
    expect(await paymentsOf(w)).toHaveLength(0);
    expect((await getInvoice(w.owner, sent.id)).body).toMatchObject({ status: "sent", balanceDueMinor: 7000 });
    expect((await billingDb().entities.stripeEvent.get({ studioId: w.studioId, eventId: event.id }).go()).data).toBeNull();

    // The genuine one still goes through afterwards.
    expect((await deliver(good)).body.outcome).toBe("recorded");
    expect((await getInvoice(w.owner, sent.id)).body.status).toBe("paid");
  });

  it("acknowledges other events without recording anything, and records a delayed payment when it succeeds", async () => {
    const w = await stripeWorld();
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Harp lesson", quantity: 1, unitPriceMinor: 9000 }]);
    const session = await openSession(w, sent.number);

    const unpaid = await deliver(signed(w, eventFor(session, { object: { payment_status: "unpaid" } }), w.webhookSecret));
    expect(unpaid.status).toBe(200);
    expect(unpaid.body).toEqual({ received: true, outcome: "ignored", paymentId: null });
    const expired = await deliver(
      signed(w, eventFor(session, { type: "checkout.session.expired", object: { status: "expired", payment_status: "unpaid" } }), w.webhookSecret),
    );
    expect(expired.body.outcome).toBe("ignored");
    expect(await paymentsOf(w)).toHaveLength(0);

    const succeeded = await deliver(signed(w, eventFor(session, { type: "checkout.session.async_payment_succeeded" }), w.webhookSecret));
    expect(succeeded.body.outcome).toBe("recorded");
    expect(await paymentsOf(w)).toHaveLength(1);
    expect((await accountRecord(w.studioId, w.family))!.balanceMinor).toBe(0);
  });

  it("issue 10 #19: reports a card payment in another currency to the studio's audit log, never re-labelling it", async () => {
    const w = await stripeWorld();
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Cello lesson", quantity: 1, unitPriceMinor: 10888 }]);
    const session = await openSession(w, sent.number);
    const yen = eventFor(session, { object: { currency: "jpy", amount_total: 10888 } });
    const res = await deliver(signed(w, yen, w.webhookSecret));
    expect(res.body).toEqual({ received: true, outcome: "ignored", paymentId: null });
    expect(await paymentsOf(w)).toHaveLength(0);
    expect((await getInvoice(w.owner, sent.id)).body).toMatchObject({ status: "sent", currency: "USD", balanceDueMinor: 10888 });
    const audit = await api("GET", `/v1/studios/${w.studioId}/audit-events?entityType=invoice&entityId=${sent.id}`, { token: w.owner.accessToken });
    const reported = audit.body.items.find((e: { action: string }) => e.action === "payment.not_recorded_currency");
    expect(reported, JSON.stringify(audit.body)).toBeTruthy();
    expect(JSON.stringify(reported.changes)).toContain(yen.id);
  });
});

/** A 400 problem without its request id: every refused delivery must look the same. */
const refusal = (res: { status: number; body: Record<string, unknown> }) => {
  const { requestId: _requestId, ...rest } = res.body;
  return { status: res.status, ...rest };
};

describe("issue 10 #10: Stripe events are kept per studio, and every bad webhook gets the same 400", () => {
  it("records studio A's genuine payment even after studio B's account sent an event with the same id first", async () => {
    const a = await stripeWorld();
    const b = await stripeWorld();
    const aInvoice = await sentInvoice(a.owner, a.family, [{ description: "Piano lesson", quantity: 1, unitPriceMinor: 4000 }]);
    const bInvoice = await sentInvoice(b.owner, b.family, [{ description: "Piano lesson", quantity: 1, unitPriceMinor: 1000 }]);
    const genuine = eventFor(await openSession(a, aInvoice.number));
    const squatted = { ...eventFor(await openSession(b, bInvoice.number)), id: genuine.id };

    expect((await deliver(signed(b, squatted, b.webhookSecret))).body.outcome).toBe("recorded");
    const answer = await deliver(signed(a, genuine, a.webhookSecret));
    expect(answer.status).toBe(200);
    expect(answer.body.outcome).toBe("recorded");
    expect((await getInvoice(a.owner, aInvoice.id)).body.status).toBe("paid");
    expect((await billingDb().entities.stripeEvent.get({ studioId: a.studioId, eventId: genuine.id }).go()).data).toMatchObject({
      paymentId: answer.body.paymentId,
    });
  });

  it("refuses a signature dated in the future beyond 5 minutes, and answers every refusal with one body", async () => {
    const w = await stripeWorld();
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Viola lesson", quantity: 1, unitPriceMinor: 6000 }]);
    const session = await openSession(w, sent.number);
    const event = eventFor(session);
    const now = Math.floor(Date.now() / 1000);

    const future = await deliver(signed(w, event, w.webhookSecret, now + 600));
    expect(future.status).toBe(400);
    const answers = [
      future,
      await deliver({ payload: JSON.stringify(event) }),
      await deliver(signed(w, event, "whsec_notTheStudiosSecret123")),
      await deliver(signed(w, event, w.webhookSecret, now - 600)),
      await deliver(signed(w, eventFor(session, { object: { metadata: { ...session.metadata, studioId: randomUUID() } } }), w.webhookSecret)),
      await deliver(signed(w, { ...event, created: "yesterday" }, w.webhookSecret)),
    ];
    for (const answer of answers) expect(refusal(answer)).toEqual(refusal(future));
    expect(future.body).toMatchObject({ code: "invalid_webhook", status: 400 });
    expect(await paymentsOf(w)).toHaveLength(0);

    // A little clock skew is fine.
    expect((await deliver(signed(w, event, w.webhookSecret, now + 60))).body.outcome).toBe("recorded");
  });
});

describe("issue 10 #23: the Stripe event's shape is validated, so a hostile body is a 400, never a 500", () => {
  it("refuses a bad created, a missing or non-string id, a 1 KB id and a 3,000-character metadata.accountId", async () => {
    const w = await stripeWorld();
    const sent = await sentInvoice(w.owner, w.family, [{ description: "Oboe lesson", quantity: 1, unitPriceMinor: 5000 }]);
    const session = await openSession(w, sent.number);
    const event = eventFor(session);
    const { id: _id, ...withoutId } = event;
    const cases: Record<string, unknown> = {
      "created as text": { ...event, created: "2026-01-01" },
      "created far out of range": { ...event, created: 1e20 },
      "created negative": { ...event, created: -1 },
      "created not whole": { ...event, created: 1767225600.5 },
      "no id": withoutId,
      "a numeric id": { ...event, id: 12345 },
      "an id over 1 KB": { ...event, id: `evt_${"a".repeat(1100)}` },
      "a 3,000-character accountId": eventFor(session, { object: { metadata: { ...session.metadata, accountId: "a".repeat(3000) } } }),
      "a 3,000-character studioId": eventFor(session, { object: { metadata: { ...session.metadata, studioId: "s".repeat(3000) } } }),
      "a 3,000-character session id": eventFor(session, { object: { id: `cs_${"x".repeat(3000)}` } }),
      "an object payment_intent": eventFor(session, { object: { payment_intent: { id: "pi_1" } } }),
      "no data": { ...event, data: null },
    };
    for (const [what, body] of Object.entries(cases)) {
      const res = await deliver(signed(w, body, w.webhookSecret));
      expect(res.status, what).toBe(400);
      expect(res.body.code, what).toBe("invalid_webhook");
    }
    expect(await paymentsOf(w)).toHaveLength(0);
    expect((await deliver(signed(w, event, w.webhookSecret))).body.outcome).toBe("recorded");
  });
});
