import { STATUS_CODES } from "node:http";
import { defineMiddleware, sequence } from "astro:middleware";
import { isSameOriginRequest } from "./lib/same-origin";
import { hasSession } from "./lib/session";
import { routeStudioHosts } from "./lib/studio-host-routing";

const SECURITY_HEADERS = {
  "Content-Security-Policy": "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};

/**
 * Refuses any request that changes something unless it comes from this origin (cross-site request
 * forgery; in `astro dev` too, where Astro's checkOrigin does not run), then sets headers for
 * every page. Pages carry one-time tokens in their URLs and act with the session cookies, so: no
 * framing (clickjacking), forms post only here, no Referer to other sites, and nothing personal
 * kept in shared caches.
 */
const protect = defineMiddleware(async (context, next) => {
  let response = isSameOriginRequest(context.request, context.url.origin)
    ? await next()
    : new Response("Cross-origin form submissions are not allowed.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const personal = hasSession(context) || context.request.method !== "GET" || context.url.searchParams.has("token");
  const apply = (headers: Headers) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    if (personal && !headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-store");
  };
  // A page that sets Astro.response.status keeps Astro's statusText "OK" ("404 OK"): give the
  // status line its own reason phrase.
  const wrongReason = response.status !== 200 && response.statusText === "OK";
  if (wrongReason)
    response = new Response(response.body, { status: response.status, statusText: STATUS_CODES[response.status] ?? "", headers: response.headers });
  try {
    apply(response.headers);
  } catch {
    // Some responses (Response.redirect) have immutable headers: copy them first.
    response = new Response(response.body, response);
    apply(response.headers);
  }
  return response;
});

/** The checks and headers above for every response, then a studio's own hosts (lib/studio-host-routing.ts). */
export const onRequest = sequence(protect, routeStudioHosts);
