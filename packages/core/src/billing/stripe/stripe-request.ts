import { randomUUID } from "node:crypto";
import { stripeApiBase } from "./stripe-api-base";

/** The Stripe API version the requests speak: the `stripe` library's (package.json pins it), as its client sent. */
export const STRIPE_API_VERSION = "2026-10-28.endive";

/** Stripe's form encoding of nested parameters: `line_items[0][price_data][currency]=gbp`. */
export function stripeForm(value: unknown, prefix = ""): string[] {
  if (value === undefined) return [];
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => stripeForm(inner, prefix ? `${prefix}[${key}]` : key));
  }
  const name = encodeURIComponent(prefix).replace(/%5B/g, "[").replace(/%5D/g, "]");
  return [`${name}=${encodeURIComponent(value === null ? "" : String(value))}`];
}

/** As the library's client: a connection error, a 409 (lock timeout) or a 5xx is tried once more, unless Stripe says not to. */
const retryable = (response: Response | undefined) => {
  if (!response) return true;
  const advice = response.headers.get("stripe-should-retry");
  if (advice) return advice === "true";
  return response.status === 409 || response.status >= 500;
};

/** Stripe's error body (`{error: {…}}`), as far as the callers read it. */
interface StripeErrorBody {
  type?: string;
  message?: string;
  code?: string;
  decline_code?: string;
  param?: string;
  charge?: string;
  payment_intent?: { id?: string } | null;
}

/**
 * Stripe refused a request (any non-2xx answer), or could not be reached (`status` 0, `type`
 * "api_connection_error", as the library's StripeConnectionError). The fields are Stripe's:
 * `type` "card_error" | "invalid_request_error" | "idempotency_error" | "api_error" | …, `code`
 * ("card_declined", "resource_missing", …), `declineCode` ("generic_decline", …), `param` (the
 * parameter at fault), `paymentIntentId` (the intent a declined payment left behind, in status
 * "requires_payment_method"). `raw` is Stripe's whole `error` object.
 */
export class StripeRequestError extends Error {
  override readonly name = "StripeRequestError";
  readonly status: number;
  readonly type: string;
  readonly code?: string;
  readonly declineCode?: string;
  readonly param?: string;
  readonly paymentIntentId?: string;
  readonly raw: StripeErrorBody;

  constructor(status: number, raw: StripeErrorBody, options?: { cause?: unknown }) {
    super(raw.message ?? `Stripe answered ${status}`, options);
    this.status = status;
    this.type = raw.type ?? "api_error";
    if (raw.code) this.code = raw.code;
    if (raw.decline_code) this.declineCode = raw.decline_code;
    if (raw.param) this.param = raw.param;
    if (raw.payment_intent?.id) this.paymentIntentId = raw.payment_intent.id;
    this.raw = raw;
  }
}

/**
 * One call of the Stripe API with a secret key, in plain HTTP as the `stripe` library's client
 * makes it — without loading the library (240 KB) into a Lambda: `params` form-encoded
 * (stripeForm; the query string for GET and DELETE), the pinned Stripe-Version, a 20 s timeout,
 * and one retry half a second later on a connection error, a 409 or a 5xx unless the answer's
 * `Stripe-Should-Retry` says otherwise. A POST always carries an Idempotency-Key (the given one,
 * else a fresh one, as the library does) so the retry cannot do the work twice. Goes to
 * `STRIPE_API_BASE` (the local emulator) when set, else to Stripe.
 *
 * Resolves with the answer's JSON; throws StripeRequestError when Stripe refuses (with Stripe's
 * message, type, code, decline code, param) or cannot be reached.
 */
export async function stripeRequest<T>(
  secretKey: string,
  method: "GET" | "POST" | "DELETE",
  path: string,
  params?: object,
  idempotencyKey?: string,
): Promise<T> {
  const url = new URL(path, stripeApiBase() ?? "https://api.stripe.com");
  const form = params ? stripeForm(params).join("&") : "";
  if (method !== "POST" && form) url.search = url.search ? `${url.search.slice(1)}&${form}` : form;
  const headers: Record<string, string> = { Authorization: `Bearer ${secretKey}`, "Stripe-Version": STRIPE_API_VERSION };
  if (method === "POST") {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Idempotency-Key"] = idempotencyKey ?? `stripe-node-retry-${randomUUID()}`;
  }
  const send = () => fetch(url, { method, headers, body: method === "POST" ? form : undefined, signal: AbortSignal.timeout(20_000) });

  let failure: unknown;
  let response = await send().catch((error: unknown) => {
    failure = error;
    return undefined;
  });
  if (retryable(response)) {
    // The library's first network retry waits half a second.
    await new Promise((resolve) => setTimeout(resolve, 500));
    response = await send().catch((error: unknown) => {
      failure = error;
      return undefined;
    });
  }
  if (!response) {
    throw new StripeRequestError(
      0,
      { type: "api_connection_error", message: `Could not reach Stripe (${method} ${path}): ${(failure as Error)?.message ?? failure}` },
      { cause: failure },
    );
  }
  const body = (await response.json().catch(() => undefined)) as (T & { error?: StripeErrorBody }) | undefined;
  if (!response.ok) throw new StripeRequestError(response.status, body?.error ?? {});
  if (body === undefined) throw new StripeRequestError(response.status, { type: "api_error", message: `Stripe answered ${response.status} without JSON` });
  return body;
}
