import type { AstroGlobal } from "astro";
import { operatorsApi, type OperatorsClient } from "./api";
import type { AnyResponse, ApiResult, SuccessBody } from "./call";
import { studioFormat } from "./format";
import { asUserOf, type SessionContext } from "./session";
import type { Tone } from "./tone";
import { loginRedirect } from "./workspace";

/**
 * The platform operators' console (/platform): StudioSync's own staff, not members of any studio.
 * Its pages call the operators' own typed client once each; the API decides who is an operator
 * (403 `platform.operators_only` to anyone else), so a page needs no second call to know.
 */
export const asOperator = <R extends AnyResponse>(ctx: SessionContext, send: (client: OperatorsClient) => Promise<R>) =>
  asUserOf(ctx, (token) => operatorsApi(token), send);

/**
 * A console page's read, or the page's answer: to /login without a session, the 403 page for anyone
 * who is not an operator. Other refusals (404, 422) are the page's to word; 5xx throws.
 */
export async function operatorRead<R extends AnyResponse>(
  astro: AstroGlobal,
  send: (client: OperatorsClient) => Promise<R>,
): Promise<ApiResult<SuccessBody<R>> | Response> {
  const result = await asOperator(astro, send);
  if (!result) return loginRedirect(astro);
  if (!result.ok && result.status === 403) return astro.rewrite("/403");
  if (!result.ok && result.status >= 500) throw new Error(`The operators' API answered ${result.status}`);
  return result;
}

export const PLATFORM_BASE = "/platform";
export const studioHref = (studioId: string) => `${PLATFORM_BASE}/studios/${encodeURIComponent(studioId)}`;
export const suspendHref = (studioId: string) => `${studioHref(studioId)}/suspend`;
export const unsuspendHref = (studioId: string) => `${studioHref(studioId)}/unsuspend`;
export const monthInvoicesHref = (month?: string) => `${PLATFORM_BASE}/invoices${month ? `?month=${encodeURIComponent(month)}` : ""}`;
export const AUDIT_HREF = `${PLATFORM_BASE}/audit`;

/** The console's sections, in its navigation. */
export const PLATFORM_NAV = [
  { section: "studios", label: "Studios", href: PLATFORM_BASE },
  { section: "invoices", label: "Invoices", href: monthInvoicesHref() },
  { section: "audit", label: "Audit log", href: AUDIT_HREF },
] as const;
export type PlatformSection = (typeof PLATFORM_NAV)[number]["section"];

/** The platform bills in US dollars and keeps its dates in UTC: one formatter for the console. */
export const platformFormat = studioFormat({ timeZone: "UTC", currency: "USD", country: "US" });

export type PausedReason = "unpaid" | "suspended";

/** A studio's state as a badge: words first, the tone only colours them. */
export function studioStatus(pausedReason: PausedReason | null): { label: string; tone: Tone } {
  if (pausedReason === "suspended") return { label: "Suspended", tone: "danger" };
  if (pausedReason === "unpaid") return { label: "Paused: unpaid", tone: "warning" };
  return { label: "Active", tone: "success" };
}

/** An entry of the operators' log in words. */
export const ACTION_WORDS: Record<string, string> = {
  "studio.suspended": "Suspended the studio",
  "studio.unsuspended": "Lifted the suspension",
  "operator.granted": "Made an operator",
  "operator.revoked": "Operator role removed",
};
export const actionWords = (action: string) => ACTION_WORDS[action] ?? action;

/** Who did it: the operator's email, or the command that ran (`cli:<user>` → "npm run operator (user)"). */
export const actorWords = (entry: { actorId: string; actorEmail: string | null }) =>
  entry.actorEmail ?? (entry.actorId.startsWith("cli:") ? `npm run operator (${entry.actorId.slice(4)})` : entry.actorId);

/** The month before `now` (UTC): the latest the platform has invoiced. */
export function lastClosedMonth(now = new Date()): string {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return at.toISOString().slice(0, 7);
}

export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** The suspend form's field and what the site says when it is refused. */
export const SUSPEND_LABELS = { reason: "Why (the studio's owners are emailed this)" } as const;
export const SUSPEND_WORDS = {
  reasonMissing: "Say why the studio is suspended: its owners read it in their email.",
  reasonTooLong: "Keep the reason to 500 characters or fewer.",
  alreadySuspended: "This studio is suspended already.",
  notSuspended: "This studio isn't suspended, so there is nothing to lift.",
  changed: "The studio changed while you were looking at it. Look at it again, then retry.",
} as const;
