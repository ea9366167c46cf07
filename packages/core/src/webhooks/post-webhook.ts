import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { pinnedLookup, resolvePublicAddress, type Resolve } from "./public-address";

/** What came of one delivery attempt: ok for a 2xx, otherwise the status (if any) and why. */
export interface WebhookPostResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  /** At most the first RESPONSE_BODY_LIMIT characters. */
  responseBody: string;
  durationMs: number;
}

export interface WebhookPostRequest {
  url: string;
  body: string;
  /** The signature and event headers; content-type, user-agent and content-length are set here. */
  headers: Record<string, string>;
  /** Resolution, connection and the whole response: DEFAULT_TIMEOUT_MS unless given. */
  timeoutMs?: number;
  /** See webhooksMayUseLoopback. */
  allowLoopback?: boolean;
  resolve?: Resolve;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const RESPONSE_BODY_LIMIT = 1024;

/** The first `limit` characters, without a lone high surrogate at the cut. */
const clip = (text: string, limit: number) => {
  const cut = text.slice(0, limit);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
};

/** Why a URL may not be posted to, or null. */
function refusal(url: URL): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") return `${url.protocol} URLs are not allowed; use http: or https:`;
  if (url.username || url.password) return "URLs with a username or password are not allowed";
  return null;
}

/**
 * POSTs one webhook delivery, never throwing. The host is resolved and judged first
 * (resolvePublicAddress): a private address fails the attempt before any connection is opened,
 * and the socket is pinned to the address judged. No redirect is followed (a 3xx fails with its
 * status), a fresh connection is used each time (no agent: a pooled socket was not judged by us),
 * and one timeout covers resolution, connection and the response.
 */
export async function postWebhook(request: WebhookPostRequest): Promise<WebhookPostResult> {
  const started = performance.now();
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const result = (ok: boolean, status: number | null, error: string | null, responseBody = ""): WebhookPostResult => ({
    ok,
    status,
    error,
    responseBody,
    durationMs: Math.round(performance.now() - started),
  });

  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return result(false, null, "invalid URL");
  }
  const refused = refusal(url);
  if (refused) return result(false, null, refused);

  return new Promise<WebhookPostResult>((settle) => {
    let done = false;
    let sent: ClientRequest | null = null;
    const finish = (outcome: WebhookPostResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      settle(outcome);
    };
    const timer = setTimeout(() => {
      finish(result(false, null, `timed out after ${timeoutMs} ms`));
      sent?.destroy();
    }, timeoutMs);

    const onResponse = (response: IncomingMessage) => {
      const status = response.statusCode ?? null;
      const ok = status !== null && status >= 200 && status < 300;
      const error = ok ? null : status !== null && status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`;
      let text = "";
      const end = () => {
        finish(result(ok, status, error, clip(text, RESPONSE_BODY_LIMIT)));
        response.destroy();
      };
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
        if (text.length > RESPONSE_BODY_LIMIT) end();
      });
      response.on("end", end);
      response.on("error", (cause) => finish(result(false, status, `response interrupted: ${cause.message}`, clip(text, RESPONSE_BODY_LIMIT))));
    };

    const send = (address: { address: string; family: 4 | 6 }) => {
      if (done) return;
      // The name was judged above; the socket gets that very address (no second DNS answer).
      const lookup = pinnedLookup({ allowLoopback: request.allowLoopback, resolve: async () => [address] });
      const headers = {
        ...Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value])),
        "content-type": "application/json",
        "user-agent": "StudioSync-Webhooks/1",
        "content-length": String(Buffer.byteLength(request.body)),
      };
      const post = url.protocol === "https:" ? httpsRequest : httpRequest;
      sent = post(url, { method: "POST", headers, lookup, agent: false }, onResponse);
      sent.on("error", (cause) => finish(result(false, null, cause.message)));
      sent.end(request.body);
    };

    resolvePublicAddress(url.hostname, { allowLoopback: request.allowLoopback, resolve: request.resolve })
      .then(send)
      .catch((cause: unknown) => finish(result(false, null, cause instanceof Error ? cause.message : String(cause))));
  });
}
