import { hc } from "hono/client";
import type { AppType, EventsAppType, HostingAppType, MessagingAppType, OperatorsAppType } from "@studiosync/functions";
import { signVisitorIp, VISITOR_IP_HEADER, VISITOR_IP_SIGNATURE_HEADER } from "@studiosync/core/rate-limit";
import { siteSecret } from "./site-secret";

/**
 * Typed client for the StudioSync API. Server-side only: pages call it from their frontmatter,
 * the browser never talks to the API (and never sees a token).
 */
export function apiBaseUrl(): string {
  const url = process.env.API_URL;
  if (!url) throw new Error("API_URL must be set to the base URL of the StudioSync API");
  return url.replace(/\/$/, "");
}

/**
 * `visitorIp` is forwarded, signed, on the rate-limited public calls: every visitor reaches the
 * API from this server, so without it one visitor's attempts would count against them all. The
 * API ignores X-Forwarded-For and believes X-Visitor-Ip only with a valid signature.
 */
export function api(accessToken?: string, visitorIp?: string) {
  return hc<AppType>(apiBaseUrl(), { headers: apiHeaders(accessToken, visitorIp) });
}

function apiHeaders(accessToken?: string, visitorIp?: string) {
  const headers: Record<string, string> = {};
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  const secret = siteSecret();
  if (visitorIp && secret) {
    headers[VISITOR_IP_HEADER] = visitorIp;
    headers[VISITOR_IP_SIGNATURE_HEADER] = signVisitorIp(visitorIp, secret);
  }
  return headers;
}

/**
 * The visitor's address, as far as this server can trust it. Deployed, CloudFront appends the
 * viewer's address to X-Forwarded-For, so the last entry is the one a visitor cannot choose.
 * Locally nothing sits in front of the site, so any X-Forwarded-For is the visitor's own claim:
 * then nothing is forwarded and the API counts the site's own address instead.
 */
export function visitorIp(astro: { clientAddress: string; request: Request }): string | undefined {
  const forwarded = astro.request.headers.get("x-forwarded-for");
  if (forwarded) return process.env.SST_APP ? forwarded.split(",").pop()?.trim() || undefined : undefined;
  try {
    return astro.clientAddress || undefined;
  } catch {
    return undefined;
  }
}

export type ApiClient = ReturnType<typeof api>;

/**
 * The conversations' own typed client (threads, messages, their files): its pages type-check
 * against these operations only, not the whole API (functions/src/modules/index.ts).
 */
export const messagingApi = (accessToken: string) => hc<MessagingAppType>(apiBaseUrl(), { headers: { authorization: `Bearer ${accessToken}` } });
export type MessagingClient = ReturnType<typeof messagingApi>;

/**
 * The events' own typed client (the calendar, RSVPs, the public events and their emailed links):
 * signed in or not, with the visitor's address forwarded as `api` does for the public forms.
 */
export const eventsApi = (accessToken?: string, visitorIp?: string) => hc<EventsAppType>(apiBaseUrl(), { headers: apiHeaders(accessToken, visitorIp) });
export type EventsClient = ReturnType<typeof eventsApi>;

/**
 * The hosting module's own typed client (the studio's usage and what StudioSync bills for it):
 * the Usage and billing pages type-check against these operations only (lib/usage.ts).
 */
export const hostingApi = (accessToken: string) => hc<HostingAppType>(apiBaseUrl(), { headers: { authorization: `Bearer ${accessToken}` } });
export type HostingClient = ReturnType<typeof hostingApi>;

/**
 * The platform operators' console's own typed client (every studio, its usage and invoices,
 * suspensions): the /platform pages type-check against these operations only (lib/operators.ts).
 */
export const operatorsApi = (accessToken: string) => hc<OperatorsAppType>(apiBaseUrl(), { headers: { authorization: `Bearer ${accessToken}` } });
export type OperatorsClient = ReturnType<typeof operatorsApi>;
