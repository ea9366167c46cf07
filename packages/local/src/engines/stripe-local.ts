import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { loadStripe } from "@studiosync/core/billing/stripe-library";
import { LOCAL_HOST } from "./free-port";

/**
 * A local stand-in for the parts of the Stripe API StudioSync uses, so card payments work with no
 * Stripe account: webhook endpoints, Checkout Sessions with a hosted page (pay, or save a card),
 * customers and their saved cards, off-session PaymentIntents, refunds, and events delivered to
 * the endpoints signed exactly as Stripe signs them. The real `stripe` library talks to it
 * (`STRIPE_API_BASE`, see core billing/stripe/stripe-client.ts), and so does core's plain-HTTP
 * client (billing/stripe/stripe-request.ts). Objects, ids (`cus_…`, `pm_…`, `seti_…`, `pi_…`,
 * `ch_…`, `re_…`) and errors have Stripe's shapes.
 *
 * - `POST /v1/webhook_endpoints` {url, enabled_events[]} → {id, secret: "whsec_…"}; also GET
 *   (list, retrieve) and DELETE. Endpoints belong to the API key that made them.
 * - `POST /v1/checkout/sessions`: mode "payment" (line_items[] with price_data, payment_intent_data
 *   {metadata, description}) or mode "setup" (currency or payment_method_types[] ["card"],
 *   setup_intent_data {metadata, description}); both with customer or customer_email, success_url
 *   (`{CHECKOUT_SESSION_ID}` is replaced when redirecting), cancel_url, metadata,
 *   client_reference_id, expires_at → a session whose `url` is this server's `/checkout/{id}`.
 *   `GET /v1/checkout/sessions/{id}` (`expand[]=line_items`, `setup_intent`,
 *   `setup_intent.payment_method`, `payment_intent`, `customer`), `GET …/line_items`,
 *   `POST …/expire`, `GET /v1/checkout/sessions` (list).
 * - `GET /checkout/{id}`: the hosted page. Mode "payment": "Pay $12.34", a Pay button and a
 *   cancel link; `POST /checkout/{id}/pay` completes the session and records its PaymentIntent
 *   (succeeded, with a charge, so it can be refunded). Mode "setup": "Save a card" with a choice of
 *   test cards (radio `card`: 4242424242424242 Visa and 5555555555554444 Mastercard work,
 *   4000000000000341 attaches but its charges are declined); `POST /checkout/{id}/save` (form
 *   `card=…`) makes the PaymentMethod (attached to the session's customer, if any) and a succeeded
 *   SetupIntent (usage off_session), sets `setup_intent` and sends `setup_intent.succeeded`. Both
 *   then send `checkout.session.completed` to every enabled endpoint of the session's API key
 *   (before answering, so the site sees it when the browser gets back) and redirect to success_url.
 * - `POST /v1/customers` {email, name, description, phone, metadata}, `GET /v1/customers`
 *   (`email=`), `GET` and `POST /v1/customers/{id}` (update; metadata merges, "" unsets;
 *   `invoice_settings[default_payment_method]` must be one of the customer's cards).
 * - `GET /v1/payment_methods/{id}`, `GET /v1/payment_methods?customer=`, `GET /v1/customers/{id}/
 *   payment_methods` (`type=card`), `POST /v1/payment_methods/{id}/attach` {customer},
 *   `POST /v1/payment_methods/{id}/detach` (for good, as Stripe: a detached card is not usable).
 *   Stripe's test ids are accepted wherever a PaymentMethod is (attach, payment_intents) and become
 *   a fresh `pm_…` with their behaviour: `pm_card_visa`, `pm_card_mastercard` (work),
 *   `pm_card_chargeCustomerFail` (attaches; charges declined), `pm_card_chargeDeclined` (declined,
 *   including when attached).
 * - `GET /v1/setup_intents/{id}` (`expand[]=payment_method`).
 * - `POST /v1/payment_intents` {amount, currency, customer, payment_method, confirm, off_session,
 *   setup_future_usage, description, metadata, receipt_email} and `POST …/{id}/confirm`: a working
 *   card → `succeeded` with `latest_charge` ch_… and `amount_received`, events `charge.succeeded`
 *   and `payment_intent.succeeded`; a declining one → HTTP 402 card_error card_declined
 *   (decline_code generic_decline) whose `payment_intent` is the stored intent, now
 *   `requires_payment_method` with `last_payment_error`; events `charge.failed` and
 *   `payment_intent.payment_failed`. Without a payment method, with someone else's card, or with
 *   a detached or already used unattached one: 400 with `param`. `GET /v1/payment_intents/{id}`,
 *   `GET /v1/payment_intents` (`customer=`), `GET /v1/charges/{id}`.
 * - `POST /v1/refunds` {payment_intent or charge, amount (default: what is left), reason,
 *   metadata} → `re_…` succeeded; the charge's `amount_refunded`/`refunded` follow; more than is
 *   left → 400 amount_too_large (param amount), nothing left → charge_already_refunded. Events
 *   `refund.created` and `charge.refunded`. `GET /v1/refunds/{id}`, `GET /v1/refunds`.
 * - `GET /v1/events`, `GET /v1/events/{id}`: the events sent.
 * - `expand[]` works on any field holding one of these ids, nested with dots.
 *
 * Any key that looks like a secret key (`sk_…`) is accepted, each one its own account. POSTs
 * honour `Idempotency-Key` as Stripe does (same key and parameters → the same answer, including
 * a card decline, with `Idempotent-Replayed: true`; the same key while the first is still running
 * → 409). Errors come in Stripe's shape (`{error: {type, message, param, code, decline_code}}`),
 * so the library raises its own errors; the newer endpoints refuse parameters they do not know,
 * as Stripe does. With `stateFile` everything (endpoints, sessions, customers, cards, intents,
 * charges, refunds, events) survives restarts (`npm start`); an older file missing the newer
 * lists loads as if they were empty.
 */
export interface StripeLocal {
  /** The API base ("http://127.0.0.1:PORT"); the library adds /v1/…. */
  apiBase: string;
  stop(): Promise<void>;
}

interface WebhookEndpoint {
  id: string;
  object: "webhook_endpoint";
  url: string;
  enabled_events: string[];
  secret: string;
  status: "enabled";
  description: string | null;
  metadata: Record<string, string>;
  livemode: false;
  created: number;
  api_version: string | null;
}

interface LineItem {
  id: string;
  object: "item";
  description: string;
  quantity: number;
  currency: string;
  amount_subtotal: number;
  amount_total: number;
  price: { unit_amount: number; currency: string; product_data: { name: string; description: string | null } };
}

interface CheckoutSession {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid" | "no_payment_required";
  amount_subtotal: number | null;
  amount_total: number | null;
  currency: string | null;
  client_reference_id: string | null;
  customer: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  payment_method_types: string[];
  setup_intent: string | null;
  success_url: string | null;
  cancel_url: string | null;
  url: string | null;
  created: number;
  expires_at: number;
  livemode: false;
}

interface Customer {
  id: string;
  object: "customer";
  address: null;
  balance: number;
  created: number;
  currency: string | null;
  default_source: null;
  delinquent: boolean;
  description: string | null;
  discount: null;
  email: string | null;
  invoice_prefix: string;
  invoice_settings: { custom_fields: null; default_payment_method: string | null; footer: null; rendering_options: null };
  livemode: false;
  metadata: Record<string, string>;
  name: string | null;
  next_invoice_sequence: number;
  phone: string | null;
  preferred_locales: string[];
  shipping: null;
  tax_exempt: "none";
  test_clock: null;
}

interface Card {
  brand: string;
  checks: { address_line1_check: null; address_postal_code_check: null; cvc_check: "pass" | null };
  country: string;
  display_brand: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  funding: "credit";
  generated_from: null;
  last4: string;
  networks: { available: string[]; preferred: null };
  three_d_secure_usage: { supported: boolean };
  wallet: null;
}

interface PaymentMethod {
  id: string;
  object: "payment_method";
  allow_redisplay: "unspecified";
  billing_details: {
    address: { city: null; country: null; line1: null; line2: null; postal_code: null; state: null };
    email: string | null;
    name: string | null;
    phone: null;
  };
  card: Card;
  created: number;
  customer: string | null;
  livemode: false;
  metadata: Record<string, string>;
  type: "card";
}

interface SetupIntent {
  id: string;
  object: "setup_intent";
  application: null;
  cancellation_reason: null;
  client_secret: string;
  created: number;
  customer: string | null;
  description: string | null;
  last_setup_error: null;
  latest_attempt: string | null;
  livemode: false;
  mandate: null;
  metadata: Record<string, string>;
  next_action: null;
  payment_method: string | null;
  payment_method_types: string[];
  status: "succeeded";
  usage: "off_session";
}

interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  automatic_payment_methods: null;
  canceled_at: null;
  cancellation_reason: null;
  capture_method: "automatic";
  client_secret: string;
  confirmation_method: "automatic";
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  last_payment_error: Record<string, unknown> | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  next_action: null;
  payment_method: string | null;
  payment_method_types: string[];
  receipt_email: string | null;
  setup_future_usage: "off_session" | "on_session" | null;
  statement_descriptor: null;
  statement_descriptor_suffix: string | null;
  status: "requires_payment_method" | "requires_confirmation" | "succeeded";
}

interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  balance_transaction: string | null;
  billing_details: PaymentMethod["billing_details"];
  captured: boolean;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  disputed: false;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Record<string, string>;
  outcome: { network_status: string; reason: string | null; risk_level: "normal"; seller_message: string; type: string };
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  payment_method_details: { card: Omit<Card, "generated_from" | "networks" | "three_d_secure_usage" | "display_brand"> & { network: string }; type: "card" };
  receipt_email: string | null;
  refunded: boolean;
  status: "succeeded" | "failed";
}

interface Refund {
  id: string;
  object: "refund";
  amount: number;
  balance_transaction: string;
  charge: string;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string | null;
  reason: string | null;
  receipt_number: null;
  status: "succeeded";
}

interface StripeEvent {
  id: string;
  object: "event";
  api_version: string | null;
  created: number;
  type: string;
  data: { object: unknown };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
}

/** What a session's intent is made with: `payment_intent_data` / `setup_intent_data`. */
interface IntentData {
  description: string | null;
  metadata: Record<string, string>;
}

interface SessionEntry {
  apiKey: string;
  session: CheckoutSession;
  lineItems: LineItem[];
  intentData?: IntentData;
}

interface PaymentMethodEntry {
  apiKey: string;
  paymentMethod: PaymentMethod;
  /** The test card number behind it (TEST_CARDS): how it behaves. */
  number: string;
  /** Detached, or used once without a customer: Stripe refuses it from then on. */
  spent?: boolean;
}

interface State {
  endpoints: Array<WebhookEndpoint & { apiKey: string }>;
  sessions: SessionEntry[];
  events: Array<{ apiKey: string; event: StripeEvent; deliveries: Array<{ endpointId: string; status: number | string; at: number }> }>;
  customers: Array<{ apiKey: string; customer: Customer }>;
  paymentMethods: PaymentMethodEntry[];
  setupIntents: Array<{ apiKey: string; setupIntent: SetupIntent }>;
  paymentIntents: Array<{ apiKey: string; paymentIntent: PaymentIntent }>;
  charges: Array<{ apiKey: string; charge: Charge }>;
  refunds: Array<{ apiKey: string; refund: Refund }>;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Params = Record<string, unknown>;

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param?: string,
    readonly type = "invalid_request_error",
    readonly code?: string,
    /** More of Stripe's error fields: decline_code, charge, payment_intent, payment_method. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * Stripe's test cards, by number: what charging them does, and the test PaymentMethod id that
 * stands for each. The hosted setup page offers the ones with a `label`.
 */
const TEST_CARDS: Record<string, { brand: string; token: string; charges: "succeed" | "decline"; attaches: boolean; label?: string; note?: string }> = {
  "4242424242424242": { brand: "visa", token: "pm_card_visa", charges: "succeed", attaches: true, label: "Visa 4242 4242 4242 4242", note: "works" },
  "5555555555554444": {
    brand: "mastercard",
    token: "pm_card_mastercard",
    charges: "succeed",
    attaches: true,
    label: "Mastercard 5555 5555 5555 4444",
    note: "works",
  },
  "4000000000000341": {
    brand: "visa",
    token: "pm_card_chargeCustomerFail",
    charges: "decline",
    attaches: true,
    label: "4000 0000 0000 0341",
    note: "attaches, but charges are declined",
  },
  "4000000000000002": { brand: "visa", token: "pm_card_chargeDeclined", charges: "decline", attaches: false },
};
const DECLINED_MESSAGE = "Your card was declined.";
/** Stripe's smallest charge per currency (the common ones), in minor units. */
const MINIMUM_CHARGE: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, nzd: 50, chf: 50 };
const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"];

const now = () => Math.floor(Date.now() / 1000);
/** Letters and digits only, like Stripe's ids and secrets. */
const alphanumeric = (length: number) =>
  randomBytes(length * 2)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, length);
const newId = (prefix: string) => `${prefix}_${alphanumeric(16)}`;
const MIN_SESSION_SECONDS = 30 * 60;
const MAX_SESSION_SECONDS = 24 * 60 * 60;

export async function startStripeLocal(options: { port?: number; stateFile?: string } = {}): Promise<StripeLocal> {
  const { stateFile } = options;
  const loaded = stateFile && existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, "utf8")) as Partial<State>) : {};
  const state: State = {
    endpoints: [],
    sessions: [],
    events: [],
    customers: [],
    paymentMethods: [],
    setupIntents: [],
    paymentIntents: [],
    charges: [],
    refunds: [],
    ...loaded,
  };
  // Sessions saved before setup mode existed.
  for (const { session } of state.sessions) {
    session.customer ??= null;
    session.setup_intent ??= null;
    session.payment_method_types ??= ["card"];
  }
  const idempotent = new Map<string, { fingerprint: string; answer: Answer }>();
  const running = new Set<string>();
  const save = () => {
    if (!stateFile) return;
    mkdirSync(dirname(stateFile), { recursive: true });
    writeFileSync(`${stateFile}.tmp`, JSON.stringify(state));
    renameSync(`${stateFile}.tmp`, stateFile);
  };
  let base = "";

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("[stripe-local]", error);
      if (!res.headersSent) send(res, 500, { error: { type: "api_error", message: (error as Error).message } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", base);
    const body = await readBody(req);
    const page = /^\/checkout\/([A-Za-z0-9_]+)(?:\/(pay|save))?$/.exec(url.pathname);
    if (page) return checkoutPage(res, page[1]!, req.method === "POST" ? (page[2] as "pay" | "save" | undefined) : undefined, req.method ?? "GET", body);
    if (!url.pathname.startsWith("/v1/"))
      return send(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname}).` } });

    const answer = await api(req, url, body).catch(errorAnswer);
    send(res, answer.status, answer.body, { ...(answer.status < 400 ? { "Request-Id": newId("req") } : {}), ...answer.headers });
  }

  async function api(req: IncomingMessage, url: URL, body: string): Promise<Answer> {
    const apiKey = authenticate(req);
    const method = req.method ?? "GET";
    const params = parseForm(method === "GET" || method === "DELETE" ? url.search.slice(1) : body);
    const run = () => route(method, url.pathname, params, apiKey, req).catch(errorAnswer);
    const key = req.headers["idempotency-key"];
    if (method !== "POST" || typeof key !== "string" || !key) return run();
    const slot = `${apiKey}\n${key}`;
    const fingerprint = createHash("sha256").update(`${url.pathname}\n${body}`).digest("hex");
    const remembered = idempotent.get(slot);
    if (remembered) {
      if (remembered.fingerprint !== fingerprint) {
        throw new StripeApiError(
          400,
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          undefined,
          "idempotency_error",
        );
      }
      return { ...remembered.answer, headers: { ...remembered.answer.headers, "Idempotent-Replayed": "true" } };
    }
    if (running.has(slot)) {
      throw new StripeApiError(
        409,
        "There is currently another in-progress request using this Stripe-Idempotency-Key; please try again later.",
        undefined,
        "idempotency_error",
        "idempotency_key_in_use",
      );
    }
    running.add(slot);
    try {
      const answer = await run();
      // As Stripe: a result is kept once the request got past validation — a success or a card decline.
      if (answer.status < 400 || answer.status === 402) idempotent.set(slot, { fingerprint, answer });
      return answer;
    } finally {
      running.delete(slot);
    }
  }

  async function route(method: string, path: string, params: Params, apiKey: string, req: IncomingMessage): Promise<Answer> {
    const version = typeof req.headers["stripe-version"] === "string" ? req.headers["stripe-version"] : null;
    let match: RegExpExecArray | null;
    if (path === "/v1/webhook_endpoints" && method === "POST") return { status: 200, body: createEndpoint(params, apiKey, version) };
    if (path === "/v1/webhook_endpoints" && method === "GET") {
      return list(
        state.endpoints
          .filter((e) => e.apiKey === apiKey)
          .map(publicEndpoint)
          .reverse(),
        path,
        params,
      );
    }
    if ((match = /^\/v1\/webhook_endpoints\/([^/]+)$/.exec(path))) {
      const index = state.endpoints.findIndex((e) => e.id === match![1] && e.apiKey === apiKey);
      if (index < 0) throw missing("webhook_endpoint", match[1]!);
      if (method === "GET") return { status: 200, body: publicEndpoint(state.endpoints[index]!) };
      if (method === "DELETE") {
        state.endpoints.splice(index, 1);
        save();
        return { status: 200, body: { id: match[1], object: "webhook_endpoint", deleted: true } };
      }
    }
    if (path === "/v1/checkout/sessions" && method === "POST") return { status: 200, body: createSession(params, apiKey) };
    if (path === "/v1/checkout/sessions" && method === "GET") {
      return list(
        state.sessions
          .filter((s) => s.apiKey === apiKey)
          .map((s) => refreshed(s).session)
          .reverse(),
        path,
        params,
      );
    }
    if ((match = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire|\/line_items)?$/.exec(path))) {
      const found = state.sessions.find((s) => s.session.id === match![1] && s.apiKey === apiKey);
      if (!found) throw missing("checkout.session", match[1]!);
      refreshed(found);
      if (match[2] === "/line_items" && method === "GET") return list(found.lineItems, path, params);
      if (match[2] === "/expire" && method === "POST") {
        if (found.session.status !== "open") {
          throw new StripeApiError(
            400,
            `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${found.session.status}".`,
          );
        }
        found.session.status = "expired";
        found.session.url = null;
        save();
        return { status: 200, body: found.session };
      }
      if (!match[2] && method === "GET") {
        const expand = expansions(params);
        const lineItems = expand.includes("line_items")
          ? { line_items: { object: "list", data: found.lineItems, has_more: false, url: `${path}/line_items` } }
          : {};
        const session = expanded(
          found.session,
          expand.filter((p) => p !== "line_items"),
          apiKey,
        );
        return { status: 200, body: { ...(session as Params), ...lineItems } };
      }
    }
    if (path === "/v1/events" && method === "GET") {
      return list(
        state.events
          .filter((e) => e.apiKey === apiKey)
          .map((e) => e.event)
          .reverse(),
        path,
        params,
      );
    }
    if ((match = /^\/v1\/events\/([^/]+)$/.exec(path)) && method === "GET") {
      const found = state.events.find((e) => e.event.id === match![1] && e.apiKey === apiKey);
      if (!found) throw missing("event", match[1]!);
      return { status: 200, body: found.event };
    }
    const answer = await moneyRoute(method, path, params, apiKey);
    if (answer) return answer;
    throw new StripeApiError(
      404,
      `Unrecognized request URL (${method}: ${path}). The local Stripe emulator serves webhook_endpoints, checkout/sessions, customers, payment_methods, setup_intents, payment_intents, charges, refunds and events.`,
    );
  }

  /** Customers, cards, intents, charges and refunds. */
  async function moneyRoute(method: string, path: string, params: Params, apiKey: string): Promise<Answer | undefined> {
    let match: RegExpExecArray | null;
    const reply = (object: unknown): Answer => ({ status: 200, body: expanded(object, expansions(params), apiKey) });
    const replyList = (data: unknown[]): Answer => {
      const paths = expansions(params).map((p) => p.replace(/^data\./, ""));
      return list(
        data.map((item) => expanded(item, paths, apiKey)),
        path,
        params,
      );
    };

    if (path === "/v1/customers" && method === "POST") return reply(createCustomer(params, apiKey));
    if (path === "/v1/customers" && method === "GET") {
      const email = typeof params.email === "string" ? params.email : undefined;
      return replyList(
        state.customers
          .filter((c) => c.apiKey === apiKey && (email === undefined || c.customer.email === email))
          .map((c) => c.customer)
          .reverse(),
      );
    }
    if ((match = /^\/v1\/customers\/([^/]+)$/.exec(path))) {
      const customer = customerOf(match[1]!, apiKey);
      if (!customer) throw missing("customer", match[1]!);
      if (method === "GET") return reply(customer);
      if (method === "POST") return reply(updateCustomer(customer, params, apiKey));
    }
    if ((match = /^\/v1\/customers\/([^/]+)\/payment_methods(?:\/([^/]+))?$/.exec(path)) && method === "GET") {
      const customer = customerOf(match[1]!, apiKey);
      if (!customer) throw missing("customer", match[1]!);
      const cards = cardsOf(customer.id, apiKey, params.type);
      if (!match[2]) return replyList(cards);
      const card = cards.find((pm) => pm.id === match![2]);
      if (!card) throw missing("PaymentMethod", match[2]);
      return reply(card);
    }

    if (path === "/v1/payment_methods" && method === "GET") {
      const customer = typeof params.customer === "string" ? params.customer : undefined;
      if (customer && !customerOf(customer, apiKey))
        throw new StripeApiError(400, `No such customer: '${customer}'`, "customer", undefined, "resource_missing");
      return replyList(
        customer
          ? cardsOf(customer, apiKey, params.type)
          : state.paymentMethods
              .filter((e) => e.apiKey === apiKey)
              .map((e) => e.paymentMethod)
              .reverse(),
      );
    }
    if ((match = /^\/v1\/payment_methods\/([^/]+)(\/attach|\/detach)?$/.exec(path))) {
      const id = match[1]!;
      if (!match[2] && method === "GET") {
        const entry = paymentMethodInput(id, apiKey, "id", 404);
        return reply(entry.paymentMethod);
      }
      if (match[2] === "/attach" && method === "POST") {
        known(params, ["customer", "expand"]);
        const customerId = requiredString(params, "customer");
        if (!customerOf(customerId, apiKey)) throw new StripeApiError(400, `No such customer: '${customerId}'`, "customer", undefined, "resource_missing");
        const entry = paymentMethodInput(id, apiKey, "payment_method", 404);
        await attach(entry, customerId);
        return reply(entry.paymentMethod);
      }
      if (match[2] === "/detach" && method === "POST") {
        known(params, ["expand"]);
        const entry = state.paymentMethods.find((e) => e.paymentMethod.id === id && e.apiKey === apiKey);
        if (!entry) throw missing("PaymentMethod", id);
        await detach(entry);
        return reply(entry.paymentMethod);
      }
    }

    if ((match = /^\/v1\/setup_intents\/([^/]+)$/.exec(path)) && method === "GET") {
      const found = state.setupIntents.find((s) => s.setupIntent.id === match![1] && s.apiKey === apiKey);
      if (!found) throw missing("setupintent", match[1]!);
      return reply(found.setupIntent);
    }

    if (path === "/v1/payment_intents" && method === "POST") return reply(await createPaymentIntent(params, apiKey));
    if (path === "/v1/payment_intents" && method === "GET") {
      const customer = typeof params.customer === "string" ? params.customer : undefined;
      return replyList(
        state.paymentIntents
          .filter((p) => p.apiKey === apiKey && (customer === undefined || p.paymentIntent.customer === customer))
          .map((p) => p.paymentIntent)
          .reverse(),
      );
    }
    if ((match = /^\/v1\/payment_intents\/([^/]+)(\/confirm)?$/.exec(path))) {
      const intent = intentOf(match[1]!, apiKey);
      if (!intent) throw missing("payment_intent", match[1]!);
      if (!match[2] && method === "GET") return reply(intent);
      if (match[2] === "/confirm" && method === "POST") return reply(await confirmPaymentIntent(intent, params, apiKey));
    }

    if ((match = /^\/v1\/charges\/([^/]+)$/.exec(path)) && method === "GET") {
      const found = state.charges.find((c) => c.charge.id === match![1] && c.apiKey === apiKey);
      if (!found) throw missing("charge", match[1]!);
      return reply(found.charge);
    }

    if (path === "/v1/refunds" && method === "POST") return reply(await createRefund(params, apiKey));
    if (path === "/v1/refunds" && method === "GET") {
      const intent = typeof params.payment_intent === "string" ? params.payment_intent : undefined;
      const charge = typeof params.charge === "string" ? params.charge : undefined;
      return replyList(
        state.refunds
          .filter(
            (r) => r.apiKey === apiKey && (intent === undefined || r.refund.payment_intent === intent) && (charge === undefined || r.refund.charge === charge),
          )
          .map((r) => r.refund)
          .reverse(),
      );
    }
    if ((match = /^\/v1\/refunds\/([^/]+)$/.exec(path)) && method === "GET") {
      const found = state.refunds.find((r) => r.refund.id === match![1] && r.apiKey === apiKey);
      if (!found) throw missing("refund", match[1]!);
      return reply(found.refund);
    }
    return undefined;
  }

  function createEndpoint(params: Params, apiKey: string, version: string | null): WebhookEndpoint {
    const url = requiredString(params, "url");
    if (!/^https?:\/\/[^/]+/.test(url)) throw new StripeApiError(400, "Invalid URL: must be an absolute http(s) URL", "url");
    const events = asArray(params.enabled_events).filter((e): e is string => typeof e === "string" && e !== "");
    if (events.length === 0) throw new StripeApiError(400, "Missing required param: enabled_events.", "enabled_events");
    const endpoint = {
      id: newId("we"),
      object: "webhook_endpoint" as const,
      url,
      enabled_events: events,
      secret: `whsec_${alphanumeric(32)}`,
      status: "enabled" as const,
      description: typeof params.description === "string" ? params.description : null,
      metadata: stringRecord(params.metadata, "metadata"),
      livemode: false as const,
      created: now(),
      api_version: typeof params.api_version === "string" ? params.api_version : version,
    };
    state.endpoints.push({ ...endpoint, apiKey });
    save();
    return endpoint;
  }

  function createSession(params: Params, apiKey: string): CheckoutSession {
    const mode = requiredString(params, "mode");
    if (mode !== "payment" && mode !== "setup")
      throw new StripeApiError(400, `The local emulator supports modes "payment" and "setup", not "${mode}".`, "mode");
    const successUrl = requiredString(params, "success_url");
    const cancelUrl = typeof params.cancel_url === "string" ? params.cancel_url : null;
    const customer = params.customer === undefined ? null : customerParam(params.customer, apiKey, "customer");
    if (customer && params.customer_email !== undefined) {
      throw new StripeApiError(400, "You may only specify one of these parameters: customer, customer_email.", "customer_email");
    }
    let lineItems: LineItem[] = [];
    let currency: string | null;
    let total: number | null = null;
    let intentData: IntentData;
    const types = asArray(params.payment_method_types);
    if (mode === "payment") {
      const items = asArray(params.line_items);
      if (items.length === 0) throw new StripeApiError(400, "Missing required param: line_items.", "line_items");
      lineItems = items.map((raw, i): LineItem => {
        const item = (raw ?? {}) as Params;
        const price = (item.price_data ?? {}) as Params;
        const product = (price.product_data ?? {}) as Params;
        const quantity = integer(item.quantity ?? "1", `line_items[${i}][quantity]`, 1);
        const unitAmount = integer(price.unit_amount, `line_items[${i}][price_data][unit_amount]`, 0);
        const currency = requiredString(price, "currency", `line_items[${i}][price_data][currency]`).toLowerCase();
        const name = requiredString(product, "name", `line_items[${i}][price_data][product_data][name]`);
        return {
          id: newId("li"),
          object: "item",
          description: name,
          quantity,
          currency,
          amount_subtotal: unitAmount * quantity,
          amount_total: unitAmount * quantity,
          price: {
            unit_amount: unitAmount,
            currency,
            product_data: { name, description: typeof product.description === "string" ? product.description : null },
          },
        };
      });
      currency = lineItems[0]!.currency;
      if (lineItems.some((l) => l.currency !== currency)) throw new StripeApiError(400, "All line items must have the same currency.", "line_items");
      total = lineItems.reduce((sum, l) => sum + l.amount_total, 0);
      if (total <= 0) throw new StripeApiError(400, "The Checkout Session's total amount due must be greater than 0.", "line_items");
      if (params.setup_intent_data !== undefined) throw new StripeApiError(400, "You can not pass `setup_intent_data` in `payment` mode.", "setup_intent_data");
      intentData = intentDataOf(params.payment_intent_data, "payment_intent_data");
    } else {
      if (params.line_items !== undefined) throw new StripeApiError(400, "You can not pass `line_items` in `setup` mode.", "line_items");
      if (params.payment_intent_data !== undefined)
        throw new StripeApiError(400, "You can not pass `payment_intent_data` in `setup` mode.", "payment_intent_data");
      if (types.some((t) => t !== "card")) throw new StripeApiError(400, "The local emulator supports payment_method_types card only.", "payment_method_types");
      currency = typeof params.currency === "string" && params.currency !== "" ? params.currency.toLowerCase() : null;
      if (currency !== null && !/^[a-z]{3}$/.test(currency)) throw new StripeApiError(400, `Invalid currency: ${currency}.`, "currency");
      if (currency === null && types.length === 0) {
        throw new StripeApiError(400, "In `setup` mode, you must pass either `currency` or `payment_method_types`.", "currency");
      }
      intentData = intentDataOf(params.setup_intent_data, "setup_intent_data");
    }
    const created = now();
    const expiresAt = params.expires_at === undefined ? created + MAX_SESSION_SECONDS : integer(params.expires_at, "expires_at", 0);
    if (expiresAt < created + MIN_SESSION_SECONDS - 60 || expiresAt > created + MAX_SESSION_SECONDS) {
      throw new StripeApiError(400, "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.", "expires_at");
    }
    const id = newId("cs_test");
    const session: CheckoutSession = {
      id,
      object: "checkout.session",
      mode,
      status: "open",
      payment_status: mode === "setup" ? "no_payment_required" : "unpaid",
      amount_subtotal: total,
      amount_total: total,
      currency,
      client_reference_id: typeof params.client_reference_id === "string" ? params.client_reference_id : null,
      customer,
      customer_email: typeof params.customer_email === "string" ? params.customer_email : null,
      metadata: stringRecord(params.metadata, "metadata"),
      payment_intent: null,
      payment_method_types: ["card"],
      setup_intent: null,
      success_url: successUrl,
      cancel_url: cancelUrl,
      url: `${base}/checkout/${id}`,
      created,
      expires_at: expiresAt,
      livemode: false,
    };
    state.sessions.push({ apiKey, session, lineItems, intentData });
    save();
    return session;
  }

  /** A session past its `expires_at` is expired, as Stripe expires them. */
  function refreshed(entry: SessionEntry) {
    if (entry.session.status === "open" && entry.session.expires_at <= now()) {
      entry.session.status = "expired";
      entry.session.url = null;
      save();
    }
    return entry;
  }

  async function checkoutPage(res: ServerResponse, id: string, submit: "pay" | "save" | undefined, method: string, body: string): Promise<void> {
    const entry = state.sessions.find((s) => s.session.id === id);
    const action = entry?.session.mode === "setup" ? "save" : "pay";
    if (!entry || (method !== "GET" && submit !== action)) return html(res, 404, "Not found", "<h1>This payment page does not exist</h1>");
    const { session } = refreshed(entry);
    if (submit === "pay" && session.status === "open") {
      session.status = "complete";
      session.payment_status = "paid";
      session.payment_intent = newId("pi");
      paidSessionIntent(entry);
      save();
      await emit(entry.apiKey, "checkout.session.completed", session);
    }
    if (submit === "save" && session.status === "open") {
      const number = new URLSearchParams(body).get("card") ?? "";
      if (!TEST_CARDS[number]?.label) {
        return html(res, 400, "Choose a card", `<h1>Choose a test card</h1><p><a href="/checkout/${escape(session.id)}">Back</a></p>`);
      }
      await saveCard(entry, number);
    }
    if (submit && session.status === "complete") {
      res.writeHead(303, { Location: session.success_url!.replaceAll("{CHECKOUT_SESSION_ID}", session.id) }).end();
      return;
    }
    const back = session.success_url
      ? `<p><a href="${escape(session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id))}">Back to the site</a></p>`
      : "";
    const cancel = session.cancel_url ? `<p><a href="${escape(session.cancel_url)}">Cancel and go back</a></p>` : "";
    if (session.mode === "setup") {
      if (session.status === "expired") return html(res, 410, "Expired", "<h1>This page has expired</h1><p>Go back to the site and start again.</p>");
      if (session.status === "complete") {
        const seti = state.setupIntents.find((s) => s.setupIntent.id === session.setup_intent)?.setupIntent;
        const card = state.paymentMethods.find((p) => p.paymentMethod.id === seti?.payment_method)?.paymentMethod.card;
        const saved = card ? `${brandName(card.brand)} •••• ${card.last4}` : "The card";
        return html(res, 200, "Card saved", `<h1>Card saved</h1><p>${escape(saved)} is saved for future payments.</p>${back}`);
      }
      const customer = session.customer ? customerOf(session.customer, entry.apiKey) : undefined;
      const who = customer?.email ?? session.customer_email;
      const choices = Object.entries(TEST_CARDS)
        .filter(([, card]) => card.label)
        .map(
          ([number, card], i) =>
            `<label><input type="radio" name="card" value="${number}"${i === 0 ? " checked" : ""}><span>${escape(card.label!)}<small>${escape(card.note!)}</small></span></label>`,
        )
        .join("\n        ");
      return html(
        res,
        200,
        "Save a card",
        `<p class="test">Local Stripe emulator · test mode · no real card is saved</p>
      <h1>Save a card</h1>
      <p>For future payments${who ? ` by ${escape(who)}` : ""}. Choose a test card:</p>
      <form method="post" action="/checkout/${escape(session.id)}/save">
        <fieldset><legend>Test card</legend>
        ${choices}
        </fieldset>
        <button type="submit">Save card</button>
      </form>
      ${cancel}`,
      );
    }
    if (session.status === "expired")
      return html(res, 410, "Expired", "<h1>This payment page has expired</h1><p>Go back to the invoice and press Pay again.</p>");
    const amount = money(session.amount_total!, session.currency!);
    if (session.status === "complete") {
      return html(res, 200, "Paid", `<h1>Paid ${escape(amount)}</h1><p>This payment is complete.</p>${back}`);
    }
    const items = entry.lineItems
      .map(
        (l) =>
          `<li><span>${escape(l.description)}${l.price.product_data.description ? `<small>${escape(l.price.product_data.description)}</small>` : ""}</span><span>${escape(money(l.amount_total, l.currency))}</span></li>`,
      )
      .join("");
    return html(
      res,
      200,
      `Pay ${amount}`,
      `<p class="test">Local Stripe emulator · test mode · no real card is charged</p>
      <h1>Pay ${escape(amount)}</h1>
      <ul>${items}</ul>
      <form method="post" action="/checkout/${escape(session.id)}/pay"><button type="submit">Pay ${escape(amount)}</button></form>
      ${cancel}`,
    );
  }

  /** The setup page's Save: a card, a succeeded SetupIntent, the session complete, the events. */
  async function saveCard(entry: SessionEntry, number: string): Promise<void> {
    const { session, apiKey } = entry;
    const customer = session.customer ? customerOf(session.customer, apiKey) : undefined;
    const card = mintPaymentMethod(apiKey, number, {
      customer: customer?.id ?? null,
      email: customer?.email ?? session.customer_email,
      name: customer?.name ?? null,
      cvcChecked: true,
    });
    const setupIntent: SetupIntent = {
      id: newId("seti"),
      object: "setup_intent",
      application: null,
      cancellation_reason: null,
      client_secret: "",
      created: now(),
      customer: customer?.id ?? null,
      description: entry.intentData?.description ?? null,
      last_setup_error: null,
      latest_attempt: newId("setatt"),
      livemode: false,
      mandate: null,
      metadata: entry.intentData?.metadata ?? {},
      next_action: null,
      payment_method: card.paymentMethod.id,
      payment_method_types: ["card"],
      status: "succeeded",
      usage: "off_session",
    };
    setupIntent.client_secret = `${setupIntent.id}_secret_${alphanumeric(24)}`;
    state.setupIntents.push({ apiKey, setupIntent });
    session.status = "complete";
    session.setup_intent = setupIntent.id;
    save();
    await emit(apiKey, "setup_intent.succeeded", setupIntent);
    if (customer) await emit(apiKey, "payment_method.attached", card.paymentMethod);
    await emit(apiKey, "checkout.session.completed", session);
  }

  /**
   * The PaymentIntent of a paid payment-mode session (id `session.payment_intent`): succeeded,
   * with a Visa 4242 charge of the total, so it can be retrieved and refunded. Made when the page
   * is paid, or on first sight for sessions paid before intents were kept.
   */
  function paidSessionIntent(entry: SessionEntry): PaymentIntent {
    const { session, apiKey } = entry;
    const existing = state.paymentIntents.find((p) => p.paymentIntent.id === session.payment_intent && p.apiKey === apiKey);
    if (existing) return existing.paymentIntent;
    const card = mintPaymentMethod(apiKey, "4242424242424242", { customer: null, email: session.customer_email, name: null, cvcChecked: true });
    card.spent = true;
    const intent = newIntent({
      id: session.payment_intent!,
      amount: session.amount_total!,
      currency: session.currency!,
      customer: session.customer,
      description: entry.intentData?.description ?? null,
      metadata: entry.intentData?.metadata ?? {},
      receiptEmail: null,
      paymentMethod: card.paymentMethod.id,
      setupFutureUsage: null,
    });
    state.paymentIntents.push({ apiKey, paymentIntent: intent });
    const charge = newCharge(apiKey, intent, card.paymentMethod, true);
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    intent.latest_charge = charge.id;
    return intent;
  }

  function createCustomer(params: Params, apiKey: string): Customer {
    known(params, ["email", "name", "description", "phone", "metadata", "expand"]);
    const customer: Customer = {
      id: newId("cus"),
      object: "customer",
      address: null,
      balance: 0,
      created: now(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: optionalString(params, "description"),
      discount: null,
      email: email(params, "email"),
      invoice_prefix: alphanumeric(8).toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: metadataUpdate({}, params.metadata),
      name: optionalString(params, "name"),
      next_invoice_sequence: 1,
      phone: optionalString(params, "phone"),
      preferred_locales: [],
      shipping: null,
      tax_exempt: "none",
      test_clock: null,
    };
    state.customers.push({ apiKey, customer });
    save();
    return customer;
  }

  function updateCustomer(customer: Customer, params: Params, apiKey: string): Customer {
    known(params, ["email", "name", "description", "phone", "metadata", "invoice_settings", "expand"]);
    const settings = params.invoice_settings === undefined ? {} : object(params.invoice_settings, "invoice_settings");
    known(settings, ["default_payment_method"], "invoice_settings");
    let defaultCard = customer.invoice_settings.default_payment_method;
    if (settings.default_payment_method !== undefined) {
      const id = settings.default_payment_method;
      if (id === "") defaultCard = null;
      else if (typeof id !== "string" || !cardsOf(customer.id, apiKey).some((pm) => pm.id === id)) {
        throw new StripeApiError(
          400,
          `The customer does not have a payment method with the ID ${String(id)}. The payment method must be attached to the customer.`,
          "invoice_settings[default_payment_method]",
          undefined,
          "resource_missing",
        );
      } else defaultCard = id;
    }
    const changes = {
      email: params.email === undefined ? customer.email : email(params, "email"),
      name: params.name === undefined ? customer.name : optionalString(params, "name"),
      description: params.description === undefined ? customer.description : optionalString(params, "description"),
      phone: params.phone === undefined ? customer.phone : optionalString(params, "phone"),
      metadata: params.metadata === undefined ? customer.metadata : metadataUpdate(customer.metadata, params.metadata),
    };
    Object.assign(customer, changes);
    customer.invoice_settings.default_payment_method = defaultCard;
    save();
    return customer;
  }

  function customerOf(id: string, apiKey: string): Customer | undefined {
    return state.customers.find((c) => c.customer.id === id && c.apiKey === apiKey)?.customer;
  }

  /** A `customer` parameter: the id of one of this account's customers. */
  function customerParam(value: unknown, apiKey: string, param: string): string {
    if (typeof value !== "string" || value === "") throw new StripeApiError(400, `Invalid string: ${String(value)}`, param);
    if (!customerOf(value, apiKey)) throw new StripeApiError(400, `No such customer: '${value}'`, param, undefined, "resource_missing");
    return value;
  }

  /** The customer's cards, newest first. */
  function cardsOf(customerId: string, apiKey: string, type?: unknown): PaymentMethod[] {
    if (type !== undefined && type !== "card") return [];
    return state.paymentMethods
      .filter((e) => e.apiKey === apiKey && e.paymentMethod.customer === customerId)
      .map((e) => e.paymentMethod)
      .reverse();
  }

  function mintPaymentMethod(
    apiKey: string,
    number: string,
    options: { customer: string | null; email: string | null; name: string | null; cvcChecked: boolean },
  ): PaymentMethodEntry {
    const card = TEST_CARDS[number]!;
    const paymentMethod: PaymentMethod = {
      id: newId("pm"),
      object: "payment_method",
      allow_redisplay: "unspecified",
      billing_details: {
        address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
        email: options.email,
        name: options.name,
        phone: null,
      },
      card: {
        brand: card.brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: options.cvcChecked ? "pass" : null },
        country: "US",
        display_brand: card.brand,
        exp_month: 12,
        exp_year: new Date().getUTCFullYear() + 3,
        fingerprint: createHash("sha256")
          .update(`${apiKey}\n${number}`)
          .digest("base64")
          .replace(/[^A-Za-z0-9]/g, "")
          .slice(0, 16),
        funding: "credit",
        generated_from: null,
        last4: number.slice(-4),
        networks: { available: [card.brand], preferred: null },
        three_d_secure_usage: { supported: true },
        wallet: null,
      },
      created: now(),
      customer: options.customer,
      livemode: false,
      metadata: {},
      type: "card",
    };
    const entry: PaymentMethodEntry = { apiKey, paymentMethod, number };
    state.paymentMethods.push(entry);
    save();
    return entry;
  }

  /**
   * A PaymentMethod parameter: one of the account's `pm_…`, or one of Stripe's test ids
   * (`pm_card_visa`…), which becomes a fresh unattached `pm_…` with that card's behaviour.
   */
  function paymentMethodInput(id: string, apiKey: string, param: string, status = 400): PaymentMethodEntry {
    const test = Object.entries(TEST_CARDS).find(([, card]) => card.token === id);
    if (test) return mintPaymentMethod(apiKey, test[0], { customer: null, email: null, name: null, cvcChecked: false });
    const entry = state.paymentMethods.find((e) => e.paymentMethod.id === id && e.apiKey === apiKey);
    if (!entry) throw new StripeApiError(status, `No such PaymentMethod: '${id}'`, param, undefined, "resource_missing");
    return entry;
  }

  const spentError = (param: string) =>
    new StripeApiError(
      400,
      "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.",
      param,
    );

  async function attach(entry: PaymentMethodEntry, customerId: string): Promise<void> {
    const pm = entry.paymentMethod;
    if (pm.customer === customerId) return;
    if (entry.spent) throw spentError("payment_method");
    if (pm.customer) throw new StripeApiError(400, "The payment method you provided has already been attached to a customer.", "payment_method");
    if (!TEST_CARDS[entry.number]!.attaches) throw cardDeclined({ payment_method: structuredClone(pm) });
    pm.customer = customerId;
    save();
    await emit(entry.apiKey, "payment_method.attached", pm);
  }

  async function detach(entry: PaymentMethodEntry): Promise<void> {
    const pm = entry.paymentMethod;
    if (!pm.customer) throw new StripeApiError(400, "The payment method you provided is not attached to a customer so detachment is impossible.");
    const customer = customerOf(pm.customer, entry.apiKey);
    if (customer?.invoice_settings.default_payment_method === pm.id) customer.invoice_settings.default_payment_method = null;
    pm.customer = null;
    entry.spent = true;
    save();
    await emit(entry.apiKey, "payment_method.detached", pm);
  }

  function newIntent(input: {
    id?: string;
    amount: number;
    currency: string;
    customer: string | null;
    description: string | null;
    metadata: Record<string, string>;
    receiptEmail: string | null;
    paymentMethod: string | null;
    setupFutureUsage: PaymentIntent["setup_future_usage"];
  }): PaymentIntent {
    const id = input.id ?? newId("pi");
    return {
      id,
      object: "payment_intent",
      amount: input.amount,
      amount_capturable: 0,
      amount_received: 0,
      automatic_payment_methods: null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: "automatic",
      client_secret: `${id}_secret_${alphanumeric(24)}`,
      confirmation_method: "automatic",
      created: now(),
      currency: input.currency,
      customer: input.customer,
      description: input.description,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: input.metadata,
      next_action: null,
      payment_method: input.paymentMethod,
      payment_method_types: ["card"],
      receipt_email: input.receiptEmail,
      setup_future_usage: input.setupFutureUsage,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status: input.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    };
  }

  /** A PaymentIntent by id, including one of a session paid before intents were kept. */
  function intentOf(id: string, apiKey: string): PaymentIntent | undefined {
    const found = state.paymentIntents.find((p) => p.paymentIntent.id === id && p.apiKey === apiKey);
    if (found) return found.paymentIntent;
    const paid = state.sessions.find((s) => s.apiKey === apiKey && s.session.payment_intent === id && s.session.payment_status === "paid");
    if (!paid) return undefined;
    const intent = paidSessionIntent(paid);
    save();
    return intent;
  }

  async function createPaymentIntent(params: Params, apiKey: string): Promise<PaymentIntent> {
    known(params, [
      "amount",
      "currency",
      "customer",
      "payment_method",
      "payment_method_types",
      "confirm",
      "off_session",
      "setup_future_usage",
      "capture_method",
      "description",
      "metadata",
      "receipt_email",
      "statement_descriptor_suffix",
      "error_on_requires_action",
      "expand",
    ]);
    if (params.amount === undefined) throw new StripeApiError(400, "Missing required param: amount.", "amount");
    const amount = integer(params.amount, "amount", 1);
    const currency = requiredString(params, "currency").toLowerCase();
    if (!/^[a-z]{3}$/.test(currency)) throw new StripeApiError(400, `Invalid currency: ${currency}.`, "currency");
    const minimum = MINIMUM_CHARGE[currency];
    if (minimum !== undefined && amount < minimum) {
      throw new StripeApiError(400, `Amount must be at least ${money(minimum, currency)} ${currency}`, "amount", undefined, "amount_too_small");
    }
    if (asArray(params.payment_method_types).some((t) => t !== "card")) {
      throw new StripeApiError(400, "The local emulator supports payment_method_types card only.", "payment_method_types");
    }
    if (params.capture_method !== undefined && params.capture_method !== "automatic") {
      throw new StripeApiError(400, "The local emulator supports capture_method automatic only.", "capture_method");
    }
    const setupFutureUsage = params.setup_future_usage;
    if (setupFutureUsage !== undefined && setupFutureUsage !== "off_session" && setupFutureUsage !== "on_session") {
      throw new StripeApiError(400, "Invalid setup_future_usage: must be one of off_session or on_session", "setup_future_usage");
    }
    const confirm = boolean(params.confirm, "confirm");
    const offSession = params.off_session === "one_off" || params.off_session === "recurring" || boolean(params.off_session, "off_session");
    if (offSession && !confirm) throw new StripeApiError(400, "You can only pass `off_session` when `confirm` is true.", "off_session");
    const customer = params.customer === undefined ? null : customerParam(params.customer, apiKey, "customer");
    const metadata = metadataUpdate({}, params.metadata);
    const receiptEmail = email(params, "receipt_email");
    const card = params.payment_method === undefined ? undefined : paymentMethodInput(stringParam(params, "payment_method"), apiKey, "payment_method");
    if (confirm) confirmable(card, customer);
    const intent = newIntent({
      amount,
      currency,
      customer,
      description: optionalString(params, "description"),
      metadata,
      receiptEmail,
      paymentMethod: card?.paymentMethod.id ?? null,
      setupFutureUsage: (setupFutureUsage as PaymentIntent["setup_future_usage"]) ?? null,
    });
    state.paymentIntents.push({ apiKey, paymentIntent: intent });
    save();
    if (confirm) await chargeCard(apiKey, intent, card!);
    return intent;
  }

  async function confirmPaymentIntent(intent: PaymentIntent, params: Params, apiKey: string): Promise<PaymentIntent> {
    known(params, ["payment_method", "off_session", "receipt_email", "error_on_requires_action", "expand"]);
    if (intent.status !== "requires_payment_method" && intent.status !== "requires_confirmation") {
      throw new StripeApiError(
        400,
        `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method.`,
        undefined,
        undefined,
        "payment_intent_unexpected_state",
      );
    }
    if (params.off_session !== undefined && params.off_session !== "one_off" && params.off_session !== "recurring") boolean(params.off_session, "off_session");
    const card =
      params.payment_method !== undefined
        ? paymentMethodInput(stringParam(params, "payment_method"), apiKey, "payment_method")
        : intent.payment_method
          ? state.paymentMethods.find((e) => e.paymentMethod.id === intent.payment_method && e.apiKey === apiKey)
          : undefined;
    confirmable(card, intent.customer);
    if (params.receipt_email !== undefined) intent.receipt_email = email(params, "receipt_email");
    intent.payment_method = card!.paymentMethod.id;
    await chargeCard(apiKey, intent, card!);
    return intent;
  }

  /** Whether `card` can pay an intent of `customer`; a 400 with Stripe's reason if not. */
  function confirmable(card: PaymentMethodEntry | undefined, customer: string | null): asserts card is PaymentMethodEntry {
    if (!card) {
      throw new StripeApiError(
        400,
        `You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent${customer ? ` with ${customer}` : ""}, specify a payment method attached to this customer along with the customer ID.`,
        "payment_method",
        undefined,
        "payment_intent_unexpected_state",
      );
    }
    if (card.spent) throw spentError("payment_method");
    const owner = card.paymentMethod.customer;
    if (owner && !customer) {
      throw new StripeApiError(
        400,
        `The provided PaymentMethod ${card.paymentMethod.id} is attached to a Customer. Include that Customer's ID in the \`customer\` parameter.`,
        "customer",
      );
    }
    if (owner && owner !== customer) {
      throw new StripeApiError(400, `The provided PaymentMethod ${card.paymentMethod.id} does not belong to the Customer ${customer}.`, "payment_method");
    }
  }

  /** Charges the intent's amount to the card: succeeded, or a failed charge and a 402 decline. */
  async function chargeCard(apiKey: string, intent: PaymentIntent, entry: PaymentMethodEntry): Promise<void> {
    const pm = entry.paymentMethod;
    const succeeds = TEST_CARDS[entry.number]!.charges === "succeed";
    const charge = newCharge(apiKey, intent, pm, succeeds);
    intent.latest_charge = charge.id;
    if (succeeds) {
      intent.status = "succeeded";
      intent.amount_received = intent.amount;
      intent.payment_method = pm.id;
      intent.last_payment_error = null;
      if (!pm.customer && intent.customer && intent.setup_future_usage) pm.customer = intent.customer;
      if (!pm.customer) entry.spent = true;
      save();
      await emit(apiKey, "charge.succeeded", charge);
      await emit(apiKey, "payment_intent.succeeded", intent);
      return;
    }
    const error = {
      type: "card_error",
      code: "card_declined",
      decline_code: "generic_decline",
      message: DECLINED_MESSAGE,
      doc_url: docUrl("card_declined"),
      charge: charge.id,
      payment_method: structuredClone(pm),
    };
    intent.status = "requires_payment_method";
    intent.payment_method = null;
    intent.last_payment_error = error;
    save();
    await emit(apiKey, "charge.failed", charge);
    await emit(apiKey, "payment_intent.payment_failed", intent);
    throw cardDeclined({ charge: charge.id, payment_intent: structuredClone(intent), payment_method: structuredClone(pm) });
  }

  function newCharge(apiKey: string, intent: PaymentIntent, pm: PaymentMethod, succeeds: boolean): Charge {
    const { card } = pm;
    const charge: Charge = {
      id: newId("ch"),
      object: "charge",
      amount: intent.amount,
      amount_captured: succeeds ? intent.amount : 0,
      amount_refunded: 0,
      balance_transaction: succeeds ? newId("txn") : null,
      billing_details: structuredClone(pm.billing_details),
      captured: succeeds,
      created: now(),
      currency: intent.currency,
      customer: intent.customer,
      description: intent.description,
      disputed: false,
      failure_code: succeeds ? null : "card_declined",
      failure_message: succeeds ? null : DECLINED_MESSAGE,
      livemode: false,
      metadata: { ...intent.metadata },
      outcome: succeeds
        ? { network_status: "approved_by_network", reason: null, risk_level: "normal", seller_message: "Payment complete.", type: "authorized" }
        : {
            network_status: "declined_by_network",
            reason: "generic_decline",
            risk_level: "normal",
            seller_message: "The bank did not return any further details with this decline.",
            type: "issuer_declined",
          },
      paid: succeeds,
      payment_intent: intent.id,
      payment_method: pm.id,
      payment_method_details: {
        card: {
          brand: card.brand,
          checks: card.checks,
          country: card.country,
          exp_month: card.exp_month,
          exp_year: card.exp_year,
          fingerprint: card.fingerprint,
          funding: card.funding,
          last4: card.last4,
          network: card.brand,
          wallet: null,
        },
        type: "card",
      },
      receipt_email: intent.receipt_email,
      refunded: false,
      status: succeeds ? "succeeded" : "failed",
    };
    state.charges.push({ apiKey, charge });
    return charge;
  }

  async function createRefund(params: Params, apiKey: string): Promise<Refund> {
    known(params, ["payment_intent", "charge", "amount", "reason", "metadata", "expand"]);
    let charge: Charge | undefined;
    if (params.payment_intent !== undefined) {
      const id = stringParam(params, "payment_intent");
      const intent = intentOf(id, apiKey);
      if (!intent) throw new StripeApiError(400, `No such payment_intent: '${id}'`, "payment_intent", undefined, "resource_missing");
      if (intent.status !== "succeeded") {
        throw new StripeApiError(400, `This PaymentIntent (${id}) does not have a successful charge to refund.`, "payment_intent");
      }
      charge = state.charges.find((c) => c.charge.id === intent.latest_charge && c.apiKey === apiKey)?.charge;
    }
    if (params.charge !== undefined) {
      const id = stringParam(params, "charge");
      const byId = state.charges.find((c) => c.charge.id === id && c.apiKey === apiKey)?.charge;
      if (!byId) throw new StripeApiError(400, `No such charge: '${id}'`, "charge", undefined, "resource_missing");
      if (charge && charge.id !== byId.id)
        throw new StripeApiError(400, `The charge ${id} does not belong to the PaymentIntent ${String(params.payment_intent)}.`, "charge");
      if (byId.status !== "succeeded") throw new StripeApiError(400, `Charge ${id} has not succeeded and cannot be refunded.`, "charge");
      charge = byId;
    }
    if (!charge) throw new StripeApiError(400, "One of the following params should be provided for this request: payment_intent or charge.", "payment_intent");
    const left = charge.amount - charge.amount_refunded;
    if (left <= 0) throw new StripeApiError(400, `Charge ${charge.id} has already been refunded.`, undefined, undefined, "charge_already_refunded");
    const amount = params.amount === undefined ? left : integer(params.amount, "amount", 1);
    if (amount > left) {
      throw new StripeApiError(
        400,
        `Refund amount (${money(amount, charge.currency)}) is greater than unrefunded amount on charge (${money(left, charge.currency)})`,
        "amount",
        undefined,
        "amount_too_large",
      );
    }
    const reason = params.reason === undefined || params.reason === "" ? null : String(params.reason);
    if (reason !== null && !REFUND_REASONS.includes(reason)) {
      throw new StripeApiError(400, `Invalid reason: must be one of ${REFUND_REASONS.join(", ")}`, "reason");
    }
    const refund: Refund = {
      id: newId("re"),
      object: "refund",
      amount,
      balance_transaction: newId("txn"),
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      metadata: metadataUpdate({}, params.metadata),
      payment_intent: charge.payment_intent,
      reason,
      receipt_number: null,
      status: "succeeded",
    };
    state.refunds.push({ apiKey, refund });
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    save();
    await emit(apiKey, "refund.created", refund);
    await emit(apiKey, "charge.refunded", charge);
    return refund;
  }

  /** The object with each `expand[]` path (dots for nested ones) replaced by the object its id names. */
  function expanded(value: unknown, paths: string[], apiKey: string): unknown {
    if (paths.length === 0) return value;
    const copy = structuredClone(value) as Params;
    for (const path of paths) expandPath(copy, path.split("."), apiKey, path);
    return copy;
  }

  function expandPath(node: Params, parts: string[], apiKey: string, path: string): void {
    const [head, ...rest] = parts;
    const cannot = () => new StripeApiError(400, `This property cannot be expanded (${path}).`, "expand");
    if (!head || !(head in node)) throw cannot();
    let value = node[head];
    if (value === null) return;
    if (typeof value === "string") {
      const found = lookup(value, apiKey);
      if (found === undefined) throw cannot();
      value = node[head] = structuredClone(found);
    }
    if (rest.length === 0) return;
    if (typeof value !== "object" || value === null) throw cannot();
    expandPath(value as Params, rest, apiKey, path);
  }

  function lookup(id: string, apiKey: string): unknown {
    const prefix = id.slice(0, id.indexOf("_") + 1);
    const mine = <T extends { apiKey: string }>(entries: T[], pick: (entry: T) => { id: string }) =>
      entries.filter((e) => e.apiKey === apiKey).find((e) => pick(e).id === id);
    switch (prefix) {
      case "cus_":
        return customerOf(id, apiKey);
      case "pm_":
        return mine(state.paymentMethods, (e) => e.paymentMethod)?.paymentMethod;
      case "seti_":
        return mine(state.setupIntents, (e) => e.setupIntent)?.setupIntent;
      case "pi_":
        return intentOf(id, apiKey);
      case "ch_":
        return mine(state.charges, (e) => e.charge)?.charge;
      case "re_":
        return mine(state.refunds, (e) => e.refund)?.refund;
      case "cs_":
        return mine(state.sessions, (e) => e.session)?.session;
      default:
        return undefined;
    }
  }

  /** Records an event and POSTs it, signed with each endpoint's secret, to the key's enabled endpoints. */
  async function emit(apiKey: string, type: string, object: unknown): Promise<void> {
    const endpoints = state.endpoints.filter((e) => e.apiKey === apiKey && (e.enabled_events.includes(type) || e.enabled_events.includes("*")));
    const event: StripeEvent = {
      id: newId("evt"),
      object: "event",
      api_version: endpoints[0]?.api_version ?? null,
      created: now(),
      type,
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: endpoints.length,
      request: { id: null, idempotency_key: null },
    };
    const record: State["events"][number] = { apiKey, event, deliveries: [] };
    state.events.push(record);
    const { webhooks } = await loadStripe();
    const payload = JSON.stringify(event, null, 2);
    for (const endpoint of endpoints) {
      const status = await fetch(endpoint.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": webhooks.generateTestHeaderString({ payload, secret: endpoint.secret }),
        },
        body: payload,
        signal: AbortSignal.timeout(20_000),
      }).then(
        async (response) => {
          await response.arrayBuffer();
          return response.status;
        },
        (error: Error) => error.message,
      );
      if (typeof status !== "number" || status >= 300) console.error(`[stripe-local] ${type} ${event.id} → ${endpoint.url}: ${status}`);
      record.deliveries.push({ endpointId: endpoint.id, status, at: now() });
    }
    event.pending_webhooks = record.deliveries.filter((d) => typeof d.status !== "number" || d.status >= 300).length;
    save();
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, LOCAL_HOST, () => {
      server.removeListener("error", reject);
      resolve();
    });
  });
  base = `http://${LOCAL_HOST}:${(server.address() as AddressInfo).port}`;
  // Sessions made before a restart point at the old port.
  for (const { session } of state.sessions) if (session.url) session.url = `${base}/checkout/${session.id}`;
  return {
    apiBase: base,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function authenticate(req: IncomingMessage): string {
  const header = req.headers.authorization ?? "";
  const bearer = /^Bearer (\S+)$/.exec(header)?.[1];
  const basic = /^Basic (\S+)$/.exec(header)?.[1];
  const key = bearer ?? (basic ? Buffer.from(basic, "base64").toString().split(":")[0] : undefined);
  if (!key) {
    throw new StripeApiError(401, "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.");
  }
  if (!/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/.test(key)) {
    throw new StripeApiError(401, `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`);
  }
  return key;
}

/** A StripeApiError as Stripe's answer (`{error: {…}}`); anything else goes on up (a 500). */
function errorAnswer(error: unknown): Answer {
  if (!(error instanceof StripeApiError)) throw error;
  return {
    status: error.status,
    body: {
      error: {
        type: error.type,
        message: error.message,
        ...(error.param ? { param: error.param } : {}),
        ...(error.code ? { code: error.code, doc_url: docUrl(error.code) } : {}),
        ...error.extra,
      },
    },
  };
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}`;

const cardDeclined = (extra: Record<string, unknown>) =>
  new StripeApiError(402, DECLINED_MESSAGE, undefined, "card_error", "card_declined", { decline_code: "generic_decline", ...extra });

function publicEndpoint(endpoint: WebhookEndpoint & { apiKey: string }) {
  const { apiKey: _apiKey, secret: _secret, ...rest } = endpoint;
  return rest;
}

/** A page of a list, newest first, from `starting_after` (an id in it) when given. */
function list(data: unknown[], url: string, params: Params): Answer {
  const limit = params.limit === undefined ? 10 : integer(params.limit, "limit", 1);
  const after = typeof params.starting_after === "string" ? data.findIndex((item) => (item as { id?: unknown }).id === params.starting_after) + 1 : 0;
  const rest = data.slice(after);
  return { status: 200, body: { object: "list", data: rest.slice(0, limit), has_more: rest.length > limit, url } };
}

const missing = (what: string, id: string) => new StripeApiError(404, `No such ${what}: '${id}'`, "id", "invalid_request_error", "resource_missing");

/** The `expand[]` parameter's paths. */
const expansions = (params: Params) => asArray(params.expand).filter((p): p is string => typeof p === "string" && p !== "");

/** Refuses parameters outside `names`, as Stripe does. */
function known(params: Params, names: string[], prefix?: string): void {
  for (const name of Object.keys(params)) {
    if (!names.includes(name)) {
      const path = prefix ? `${prefix}[${name}]` : name;
      throw new StripeApiError(400, `Received unknown parameter: ${path} (not supported by the local Stripe emulator, or not a Stripe parameter)`, path);
    }
  }
}

function requiredString(params: Params, name: string, path = name): string {
  const value = params[name];
  if (typeof value !== "string" || value === "") throw new StripeApiError(400, `Missing required param: ${path}.`, path);
  return value;
}

/** A given string parameter (not an object or array). */
function stringParam(params: Params, name: string): string {
  const value = params[name];
  if (typeof value !== "string" || value === "") throw new StripeApiError(400, `Invalid string: ${JSON.stringify(value)}`, name);
  return value;
}

/** An optional string parameter; "" (Stripe's way to unset) is null. */
function optionalString(params: Params, name: string): string | null {
  const value = params[name];
  if (value === undefined || value === "") return null;
  if (typeof value !== "string") throw new StripeApiError(400, "Invalid string", name);
  if (value.length > 5000) throw new StripeApiError(400, `Invalid string: ${value.slice(0, 20)}...; must be at most 5000 characters`, name);
  return value;
}

function email(params: Params, name: string): string | null {
  const value = optionalString(params, name);
  if (value !== null && !/^[^\s@]+@[^\s@]+$/.test(value)) throw new StripeApiError(400, `Invalid email address: ${value}`, name, undefined, "email_invalid");
  return value;
}

function boolean(value: unknown, path: string): boolean {
  if (value === undefined) return false;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new StripeApiError(400, `Invalid boolean: ${String(value)}`, path);
}

function object(value: unknown, path: string): Params {
  if (value === "") return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new StripeApiError(400, "Invalid object", path);
  return value as Params;
}

function integer(value: unknown, path: string, min: number): number {
  const n = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new StripeApiError(400, `Invalid integer: ${String(value)}`, path);
  if (n < min) throw new StripeApiError(400, `This value must be greater than or equal to ${min}.`, path);
  return n;
}

function stringRecord(value: unknown, path: string): Record<string, string> {
  if (value === undefined || value === "") return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new StripeApiError(400, "Invalid object", path);
  const entries = Object.entries(value as Params);
  if (entries.length > 50) throw new StripeApiError(400, "Metadata can have at most 50 keys.", path);
  for (const [key, v] of entries) {
    if (typeof v !== "string" || key.length > 40 || v.length > 500) throw new StripeApiError(400, `Invalid metadata value for ${key}`, `${path}[${key}]`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** Metadata as Stripe updates it: keys merge into `current`, a key set to "" goes, `metadata=""` empties it. */
function metadataUpdate(current: Record<string, string>, value: unknown): Record<string, string> {
  if (value === undefined) return current;
  if (value === "") return {};
  const merged = { ...current, ...stringRecord(value, "metadata") };
  for (const [key, v] of Object.entries(merged)) if (v === "") delete merged[key];
  if (Object.keys(merged).length > 50) throw new StripeApiError(400, "Metadata can have at most 50 keys.", "metadata");
  return merged;
}

/** `payment_intent_data` / `setup_intent_data`: what the emulator keeps of them, {description, metadata}. */
function intentDataOf(value: unknown, path: string): IntentData {
  const data = value === undefined ? {} : object(value, path);
  return { description: optionalString(data, "description"), metadata: stringRecord(data.metadata, `${path}[metadata]`) };
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value]);

/**
 * Stripe's form encoding (`line_items[0][price_data][currency]=usd`) into nested objects and
 * arrays (an all-numeric level is an array).
 */
export function parseForm(text: string): Params {
  const root: Params = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const [head, ...rest] = rawKey.split("[");
    const path = [head!, ...rest.map((part) => part.replace(/\]$/, ""))];
    let node: Params = root;
    path.forEach((part, i) => {
      const key = part === "" ? String(Object.keys(node).length) : part;
      if (i === path.length - 1) node[key] = value;
      else node = (node[key] ??= {}) as Params;
    });
  }
  return arraysOf(root) as Params;
}

function arraysOf(node: unknown): unknown {
  if (typeof node !== "object" || node === null) return node;
  const entries = Object.entries(node as Params).map(([k, v]) => [k, arraysOf(v)] as const);
  const numeric = entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k));
  return numeric ? entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v) : Object.fromEntries(entries);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1024 * 1024) req.destroy(new Error("Request body over 1 MB"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(body));
}

function money(amount: number, currency: string): string {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

const BRAND_NAMES: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express" };
const brandName = (brand: string) => BRAND_NAMES[brand] ?? brand;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function html(res: ServerResponse, status: number, title: string, content: string): void {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Stripe (local)</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f6f9fc; color: #1a1f36; margin: 0; }
  main { max-width: 28rem; margin: 3rem auto; background: #fff; border-radius: 0.75rem; padding: 2rem; box-shadow: 0 2px 8px rgb(0 0 0 / 0.08); }
  .test { background: #fff4e5; color: #9a4b00; border-radius: 0.4rem; padding: 0.4rem 0.6rem; font-size: 0.85rem; margin-top: 0; }
  ul { list-style: none; padding: 0; } li { display: flex; justify-content: space-between; gap: 1rem; padding: 0.5rem 0; border-bottom: 1px solid #e3e8ee; }
  small { display: block; color: #697386; }
  fieldset { border: 0; padding: 0; margin: 0 0 1rem; } legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
  label { display: flex; gap: 0.75rem; align-items: center; padding: 0.6rem 0; border-bottom: 1px solid #e3e8ee; cursor: pointer; }
  button { width: 100%; font: inherit; font-weight: 600; background: #635bff; color: #fff; border: 0; border-radius: 0.4rem; padding: 0.75rem; cursor: pointer; }
</style></head>
<body><main>${content}</main></body></html>`);
}
