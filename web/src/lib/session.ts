import type { AstroCookies, AstroCookieSetOptions } from "astro";
import { api, type ApiClient } from "./api";
import { call, type AnyResponse, type ApiResult, type SuccessBody } from "./call";

/**
 * The browser session is two httpOnly cookies holding the API's tokens; pages call the API
 * on the user's behalf with them. SameSite=Lax plus the middleware's same-origin check on every
 * POST keep other sites (and other ports on this host) from acting with them.
 */
const ACCESS_COOKIE = "ss_access";
const REFRESH_COOKIE = "ss_refresh";
const FALLBACK_REFRESH_SECONDS = 60 * 60 * 24 * 30;

export interface SessionContext {
  cookies: AstroCookies;
  url: URL;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  /** When the sign-in ends; the refresh cookie lives exactly as long. */
  refreshExpiresAt?: string;
}

function cookieOptions(ctx: SessionContext, maxAge: number): AstroCookieSetOptions {
  return { httpOnly: true, sameSite: "lax", secure: ctx.url.protocol === "https:", path: "/", maxAge };
}

export function saveSession(ctx: SessionContext, tokens: Tokens): void {
  ctx.cookies.set(ACCESS_COOKIE, tokens.accessToken, cookieOptions(ctx, tokens.expiresIn));
  const refreshSeconds = tokens.refreshExpiresAt
    ? Math.max(0, Math.floor((Date.parse(tokens.refreshExpiresAt) - Date.now()) / 1000))
    : FALLBACK_REFRESH_SECONDS;
  ctx.cookies.set(REFRESH_COOKIE, tokens.refreshToken, cookieOptions(ctx, refreshSeconds || FALLBACK_REFRESH_SECONDS));
}

export function clearSession(ctx: SessionContext): void {
  ctx.cookies.delete(ACCESS_COOKIE, { path: "/" });
  ctx.cookies.delete(REFRESH_COOKIE, { path: "/" });
}

export function refreshTokenOf(ctx: SessionContext): string | undefined {
  return ctx.cookies.get(REFRESH_COOKIE)?.value || undefined;
}

/** Trades the refresh cookie for new tokens (the old refresh token is used up). */
async function refresh(ctx: SessionContext): Promise<string | undefined> {
  const refreshToken = refreshTokenOf(ctx);
  if (!refreshToken) return undefined;
  const result = await call(api().v1.auth.refresh.$post({ json: { refreshToken } }));
  if (!result.ok) {
    // An outage is not a sign-out: keep the cookies and let the error page say "try again".
    if (result.status >= 500 || result.status === 429) throw new Error(`POST /v1/auth/refresh answered ${result.status}`);
    clearSession(ctx);
    return undefined;
  }
  saveSession(ctx, result.data);
  return result.data.accessToken;
}

/**
 * Calls the API as the signed-in user. An expired or rejected access token is refreshed once
 * and the call retried. Returns null when there is no usable session (send them to /login).
 * Refresh tokens are single-use, so two requests racing to refresh would end the sign-in; the
 * site has no client-side fetches, so a browser makes one page request at a time.
 */
export async function asUser<R extends AnyResponse>(ctx: SessionContext, send: (client: ApiClient) => Promise<R>): Promise<ApiResult<SuccessBody<R>> | null> {
  return asUserOf(ctx, api, send);
}

/** asUser with another typed client: an area with a client of its own (api.ts). */
export async function asUserOf<C, R extends AnyResponse>(
  ctx: SessionContext,
  client: (accessToken: string) => C,
  send: (client: C) => Promise<R>,
): Promise<ApiResult<SuccessBody<R>> | null> {
  const access = ctx.cookies.get(ACCESS_COOKIE)?.value;
  if (access) {
    const result = await call(send(client(access)));
    if (result.status !== 401) return result;
  }
  const renewed = await refresh(ctx);
  if (!renewed) return null;
  const retried = await call(send(client(renewed)));
  if (retried.status === 401) {
    clearSession(ctx);
    return null;
  }
  return retried;
}

/** Whether the browser holds a session at all (for the navigation; not proof it is valid). */
export function hasSession(ctx: SessionContext): boolean {
  return Boolean(refreshTokenOf(ctx));
}
