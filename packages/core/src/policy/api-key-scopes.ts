import { AppError, notFound } from "../kernel/errors";
import type { ApiKeyScope } from "../api-keys/module";

/** The studio's money: only a key with the billing scope reaches these areas, to read or to change. */
const BILLING_AREAS = new Set([
  "billing-settings",
  "billing-accounts",
  "billing-summary",
  "billing-runs",
  "fee-plans",
  "invoices",
  "payments",
  "usage",
  "platform-invoices",
  "payment-methods",
]);

/**
 * Areas no key reaches whatever its scopes: who may act in the studio and how its systems reach it
 * (members, invitations, access requests, keys, webhooks, domains) and people's personal data
 * requests. A person signed in decides those.
 */
const PEOPLE_ONLY_AREAS = new Set(["api-keys", "webhook-endpoints", "domains", "members", "invitations", "access-requests", "privacy"]);

const READS = new Set(["GET", "HEAD"]);

/** The scope a request to `/v1/studios/{id}/<area>…` needs: billing for the money areas, else read or write by its method. */
export const scopeNeeded = (method: string, area: string): ApiKeyScope => (BILLING_AREAS.has(area) ? "billing" : READS.has(method) ? "read" : "write");

/**
 * Whether a key of `studioId` with `scopes` may make this request: only its own studio's routes
 * (another studio's: 404, as for anyone not a member), never the people-only areas, and each with
 * the scope it needs (403 naming it). Null when it may.
 */
export function apiKeyRefusal(key: { studioId: string; scopes: readonly string[] }, method: string, path: string): AppError | null {
  const match = /^\/v1\/studios\/([^/]+)(?:\/([^/]+))?/.exec(path);
  if (!match) return new AppError("api_key.studio_routes_only", "An API key reaches only its studio's routes (/v1/studios/{studioId}/…)");
  if (decodeURIComponent(match[1]!) !== key.studioId) return notFound("Studio");
  const area = match[2] ?? "";
  if (PEOPLE_ONLY_AREAS.has(area)) return new AppError("api_key.studio_routes_only", `An API key may not use ${area}: sign in to manage it`);
  const needed = scopeNeeded(method, area);
  return key.scopes.includes(needed) ? null : new AppError("api_key.scope", `This API key lacks the "${needed}" scope this request needs`);
}
