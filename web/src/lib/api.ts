import { hc } from "hono/client";
import type { AppType } from "@studiosync/functions/app";

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
 * `visitorIp` is forwarded as X-Forwarded-For on the rate-limited auth calls: every visitor reaches
 * the API from this server, so without it one visitor's failures would count against them all.
 */
export function api(accessToken?: string, visitorIp?: string) {
  const headers: Record<string, string> = {};
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  if (visitorIp) headers["x-forwarded-for"] = visitorIp;
  return hc<AppType>(apiBaseUrl(), { headers });
}

/** The visitor's IP as the adapter reports it, when it can. */
export function visitorIp(astro: { clientAddress: string }): string | undefined {
  try {
    return astro.clientAddress || undefined;
  } catch {
    return undefined;
  }
}

export type ApiClient = ReturnType<typeof api>;
