import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { loadStripe } from "@studiosync/core/billing/stripe-library";
import { LOCAL_HOST } from "./free-port";

/**
 * A local stand-in for the parts of the Stripe API StudioSync uses, so card payments work with no
 * Stripe account: webhook endpoints, Checkout Sessions with a hosted payment page, and events
 * delivered to the endpoints signed exactly as Stripe signs them. The real `stripe` library talks
 * to it (`STRIPE_API_BASE`, see core billing/stripe/stripe-client.ts).
 *
 * - `POST /v1/webhook_endpoints` {url, enabled_events[]} → {id, secret: "whsec_…"}; also GET
 *   (list, retrieve) and DELETE. Endpoints belong to the API key that made them.
 * - `POST /v1/checkout/sessions` (mode "payment", line_items[] with price_data, success_url,
 *   cancel_url, metadata, client_reference_id, expires_at) → a session whose `url` is this
 *   server's `/checkout/{id}`; `GET /v1/checkout/sessions/{id}` (`expand[]=line_items`);
 *   `POST /v1/checkout/sessions/{id}/expire`.
 * - `GET /v1/events`, `GET /v1/events/{id}`: the events sent.
 * - `GET /checkout/{id}`: the payment page ("Pay $12.34"), with a Pay button and a cancel link;
 *   `POST /checkout/{id}/pay` completes the session, sends `checkout.session.completed` to every
 *   enabled endpoint of the session's API key (before answering, so the site sees the payment
 *   when the browser gets back), then redirects to `success_url`.
 *
 * Any key that looks like a secret key (`sk_…`) is accepted, each one its own account. POSTs
 * honour `Idempotency-Key` as Stripe does (same key and parameters → the same answer). Errors
 * come in Stripe's shape (`{error: {type, message, param}}`), so the library raises its own errors.
 * With `stateFile` endpoints, sessions and events survive restarts (`npm start`).
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
  payment_status: "unpaid" | "paid";
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  success_url: string | null;
  cancel_url: string | null;
  url: string | null;
  created: number;
  expires_at: number;
  livemode: false;
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

interface State {
  endpoints: Array<WebhookEndpoint & { apiKey: string }>;
  sessions: Array<{ apiKey: string; session: CheckoutSession; lineItems: LineItem[] }>;
  events: Array<{ apiKey: string; event: StripeEvent; deliveries: Array<{ endpointId: string; status: number | string; at: number }> }>;
}

interface Answer {
  status: number;
  body: unknown;
}

type Params = Record<string, unknown>;

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param?: string,
    readonly type = "invalid_request_error",
    readonly code?: string,
  ) {
    super(message);
  }
}

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
  const state: State =
    stateFile && existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, "utf8")) as State) : { endpoints: [], sessions: [], events: [] };
  const idempotent = new Map<string, { fingerprint: string; answer: Answer }>();
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
    const page = /^\/checkout\/([A-Za-z0-9_]+)(\/pay)?$/.exec(url.pathname);
    if (page) return checkoutPage(res, page[1]!, req.method === "POST" && page[2] === "/pay", req.method ?? "GET");
    if (!url.pathname.startsWith("/v1/"))
      return send(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname}).` } });

    const answer = await api(req, url, body).catch((error: unknown) => {
      if (error instanceof StripeApiError) {
        return {
          status: error.status,
          body: {
            error: { type: error.type, message: error.message, ...(error.param ? { param: error.param } : {}), ...(error.code ? { code: error.code } : {}) },
          },
        };
      }
      throw error;
    });
    send(res, answer.status, answer.body, answer.status < 400 ? { "Request-Id": newId("req") } : {});
  }

  async function api(req: IncomingMessage, url: URL, body: string): Promise<Answer> {
    const apiKey = authenticate(req);
    const method = req.method ?? "GET";
    const params = parseForm(method === "GET" || method === "DELETE" ? url.search.slice(1) : body);
    const key = req.headers["idempotency-key"];
    if (method !== "POST" || typeof key !== "string" || !key) return route(method, url.pathname, params, apiKey, req);
    const fingerprint = createHash("sha256").update(`${url.pathname}\n${body}`).digest("hex");
    const remembered = idempotent.get(`${apiKey}\n${key}`);
    if (remembered) {
      if (remembered.fingerprint !== fingerprint) {
        throw new StripeApiError(
          400,
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          undefined,
          "idempotency_error",
        );
      }
      return remembered.answer;
    }
    const answer = await route(method, url.pathname, params, apiKey, req);
    if (answer.status < 500) idempotent.set(`${apiKey}\n${key}`, { fingerprint, answer });
    return answer;
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
        const expand = [params.expand].flat().filter((v): v is string => typeof v === "string");
        const lineItems = expand.includes("line_items")
          ? { line_items: { object: "list", data: found.lineItems, has_more: false, url: `${path}/line_items` } }
          : {};
        return { status: 200, body: { ...found.session, ...lineItems } };
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
    throw new StripeApiError(
      404,
      `Unrecognized request URL (${method}: ${path}). The local Stripe emulator serves webhook_endpoints, checkout/sessions and events.`,
    );
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
    if (mode !== "payment") throw new StripeApiError(400, `The local emulator supports mode "payment" only, not "${mode}".`, "mode");
    const successUrl = requiredString(params, "success_url");
    const cancelUrl = typeof params.cancel_url === "string" ? params.cancel_url : null;
    const items = asArray(params.line_items);
    if (items.length === 0) throw new StripeApiError(400, "Missing required param: line_items.", "line_items");
    const lineItems = items.map((raw, i): LineItem => {
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
        price: { unit_amount: unitAmount, currency, product_data: { name, description: typeof product.description === "string" ? product.description : null } },
      };
    });
    const currency = lineItems[0]!.currency;
    if (lineItems.some((l) => l.currency !== currency)) throw new StripeApiError(400, "All line items must have the same currency.", "line_items");
    const total = lineItems.reduce((sum, l) => sum + l.amount_total, 0);
    if (total <= 0) throw new StripeApiError(400, "The Checkout Session's total amount due must be greater than 0.", "line_items");
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
      payment_status: "unpaid",
      amount_subtotal: total,
      amount_total: total,
      currency,
      client_reference_id: typeof params.client_reference_id === "string" ? params.client_reference_id : null,
      customer_email: typeof params.customer_email === "string" ? params.customer_email : null,
      metadata: stringRecord(params.metadata, "metadata"),
      payment_intent: null,
      success_url: successUrl,
      cancel_url: cancelUrl,
      url: `${base}/checkout/${id}`,
      created,
      expires_at: expiresAt,
      livemode: false,
    };
    state.sessions.push({ apiKey, session, lineItems });
    save();
    return session;
  }

  /** A session past its `expires_at` is expired, as Stripe expires them. */
  function refreshed(entry: State["sessions"][number]) {
    if (entry.session.status === "open" && entry.session.expires_at <= now()) {
      entry.session.status = "expired";
      entry.session.url = null;
      save();
    }
    return entry;
  }

  async function checkoutPage(res: ServerResponse, id: string, pay: boolean, method: string): Promise<void> {
    const entry = state.sessions.find((s) => s.session.id === id);
    if (!entry || (method !== "GET" && !pay)) return html(res, 404, "Not found", "<h1>This payment page does not exist</h1>");
    const { session } = refreshed(entry);
    if (pay && session.status === "open") {
      session.status = "complete";
      session.payment_status = "paid";
      session.payment_intent = newId("pi");
      save();
      await emit(entry.apiKey, "checkout.session.completed", session);
    }
    if (pay && session.status === "complete") {
      res.writeHead(303, { Location: session.success_url!.replaceAll("{CHECKOUT_SESSION_ID}", session.id) }).end();
      return;
    }
    if (session.status === "expired")
      return html(res, 410, "Expired", "<h1>This payment page has expired</h1><p>Go back to the invoice and press Pay again.</p>");
    const amount = money(session.amount_total, session.currency);
    if (session.status === "complete") {
      return html(
        res,
        200,
        "Paid",
        `<h1>Paid ${escape(amount)}</h1><p>This payment is complete.</p>${session.success_url ? `<p><a href="${escape(session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id))}">Back to the site</a></p>` : ""}`,
      );
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
      ${session.cancel_url ? `<p><a href="${escape(session.cancel_url)}">Cancel and go back</a></p>` : ""}`,
    );
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

function publicEndpoint(endpoint: WebhookEndpoint & { apiKey: string }) {
  const { apiKey: _apiKey, secret: _secret, ...rest } = endpoint;
  return rest;
}

function list(data: unknown[], url: string, params: Params): Answer {
  const limit = params.limit === undefined ? 10 : integer(params.limit, "limit", 1);
  return { status: 200, body: { object: "list", data: data.slice(0, limit), has_more: data.length > limit, url } };
}

const missing = (what: string, id: string) => new StripeApiError(404, `No such ${what}: '${id}'`, "id", "invalid_request_error", "resource_missing");

function requiredString(params: Params, name: string, path = name): string {
  const value = params[name];
  if (typeof value !== "string" || value === "") throw new StripeApiError(400, `Missing required param: ${path}.`, path);
  return value;
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
  button { width: 100%; font: inherit; font-weight: 600; background: #635bff; color: #fff; border: 0; border-radius: 0.4rem; padding: 0.75rem; cursor: pointer; }
</style></head>
<body><main>${content}</main></body></html>`);
}
