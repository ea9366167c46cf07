import { defineMiddleware } from "astro:middleware";
import { hasSession } from "./lib/session";

const SECURITY_HEADERS = {
  "Content-Security-Policy": "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};

/**
 * Headers for every page. Pages carry one-time tokens in their URLs and act with the session
 * cookies, so: no framing (clickjacking), forms post only here, no Referer to other sites, and
 * nothing personal kept in shared caches.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  let response = await next();
  const personal =
    hasSession(context) || context.request.method !== "GET" || context.url.searchParams.has("token");
  const apply = (headers: Headers) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    if (personal && !headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-store");
  };
  try {
    apply(response.headers);
  } catch {
    // Some responses (Response.redirect) have immutable headers: copy them first.
    response = new Response(response.body, response);
    apply(response.headers);
  }
  return response;
});
