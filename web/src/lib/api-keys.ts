import type { Tone } from "./tone";
import type { FieldErrors, Problem } from "./problem";

/**
 * The studio's API keys page (Settings, owners only): keys a developer's systems call the API
 * with, as an admin of this studio limited by the key's scopes. Its words and form reading — pure;
 * the page calls the API with the hosting module's client (`asHosting`, lib/usage.ts).
 */
export const API_KEY_SCOPES = ["read", "write", "billing"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export type ApiKeyStatus = "active" | "expired" | "revoked";

export const isApiKeyScope = (value: string): value is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(value);

/** Each scope's name and what it lets a key do (the form's checkboxes). */
export const SCOPE_WORDS: Record<ApiKeyScope, { label: string; help: string }> = {
  read: { label: "Read", help: "Look up the studio's students, families, teachers, lessons and calendar (GET requests)." },
  write: { label: "Write", help: "Add, change and delete those records: book lessons, add students, mark attendance." },
  billing: { label: "Billing", help: "Billing settings, invoices, payments and usage — to look them up and to change them." },
};

/** The longest a key may live, and how long it lives unless told (the API's rules). */
export const MAX_KEY_DAYS = 365;
export const DEFAULT_KEY_DAYS = 90;
export const MAX_KEY_NAME = 80;

/** A key's scopes in words, in the usual order: "Read", "Read and write", "Read, write and billing". */
export function scopesWords(scopes: readonly string[]): string {
  const words = API_KEY_SCOPES.filter((scope) => scopes.includes(scope)).map((scope) => SCOPE_WORDS[scope].label.toLowerCase());
  if (words.length === 0) return "None";
  const text = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The checked scope boxes, known ones only, each once, in the usual order. */
export const readScopes = (values: readonly unknown[]): ApiKeyScope[] => API_KEY_SCOPES.filter((scope) => values.includes(scope));

/** The form's "expires after" field: blank leaves the API's default; anything but a whole number is refused here. */
export function readExpiryDays(value: string): { days?: number; error?: string } {
  const text = value.trim();
  if (!text) return {};
  if (!/^\d{1,6}$/.test(text)) return { error: EXPIRY_ERROR };
  return { days: Number(text) };
}

const EXPIRY_ERROR = `Enter a whole number of days, from 1 to ${MAX_KEY_DAYS}.`;

/** The new key form's fields, for the error summary at its top. */
export const API_KEY_LABELS = { name: "Name", scopes: "What it may do", expiresInDays: "Expires after (days)" } as const;
type ApiKeyField = keyof typeof API_KEY_LABELS;

/** The form field an API error path belongs to ("scopes.0" is the scopes' boxes), or undefined. */
export function apiKeyFieldOf(path: string): ApiKeyField | undefined {
  const head = path.split(".")[0] ?? "";
  return head in API_KEY_LABELS ? (head as ApiKeyField) : undefined;
}

/** What each field needs, in the site's words (the API says "must name at least one scope"). */
const FIELD_WORDS: Record<ApiKeyField, string> = {
  name: `Give the key a name of up to ${MAX_KEY_NAME} characters, such as the system that will use it.`,
  scopes: "Choose at least one of read, write and billing.",
  expiresInDays: EXPIRY_ERROR,
};

/** A 422's errors under the form's fields, in the site's words. */
export function apiKeyFieldErrors(problem: Problem | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of problem?.errors ?? []) {
    const field = apiKeyFieldOf(e.path);
    if (field) out[field] ??= FIELD_WORDS[field];
  }
  return out;
}

/** The paths of a problem's errors that a field of the form shows (the rest go in the message at the top). */
export const apiKeyKnownPaths = (problem: Problem | undefined) => (problem?.errors ?? []).map((e) => e.path).filter((path) => apiKeyFieldOf(path));

/** A key's status as a badge: its words and tone. */
export const KEY_STATUS: Record<ApiKeyStatus, { label: string; tone: Tone }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "neutral" },
};

/** `<base>/settings/api-keys`. */
export const apiKeysHref = (base: string) => `${base}/settings/api-keys`;

/** The page at `url` (its page of keys kept) asking to confirm revoking `keyId`. */
export function revokeHref(url: URL, keyId: string): string {
  const next = new URL(url);
  next.searchParams.delete("done");
  next.searchParams.set("revoke", keyId);
  return `${next.pathname}${next.search}`;
}

/** The studio's routes a key calls: `<api>/v1/studios/<id>`. */
export const studioApiUrl = (apiUrl: string, studioId: string) => `${apiUrl.replace(/\/$/, "")}/v1/studios/${encodeURIComponent(studioId)}`;

/** An API key acting, as the audit log names it: `apikey:<keyId>`. */
export const API_KEY_ACTOR_PREFIX = "apikey:";

/** "apikey:Ab12Cd34…" → "API key ssk_Ab12Cd…" (the prefix the API keys page shows); undefined for anyone else. */
export function apiKeyActorName(actorId: string): string | undefined {
  if (!actorId.startsWith(API_KEY_ACTOR_PREFIX)) return undefined;
  const keyId = actorId.slice(API_KEY_ACTOR_PREFIX.length);
  return keyId ? `API key ssk_${keyId.slice(0, 6)}…` : "An API key";
}
