import { defineMiddleware } from "astro:middleware";
import type { HostingAppType } from "@studiosync/functions";
import { hc } from "hono/client";
import { apiBaseUrl } from "./api";
import { currentSubdomain, isSiteHost, movedLocation, requestHost, routeOnStudioHost, sitePlatformDomain } from "./studio-hosts";

interface StudioHost {
  hostname: string;
  slug: string;
  kind: "subdomain" | "custom";
}

/**
 * Serves a studio's public pages at its own hosts: `<slug>.<platform domain>` and its verified
 * custom domains. The API says which studio a Host shows (`GET /v1/public/domains/{hostname}`);
 * the answer — a studio, or none — is kept in memory for STUDIO_HOST_CACHE_SECONDS (60 by default),
 * so a domain verified or removed takes effect here within a minute. There, `/` is the studio's
 * page and `/events/…` its events (rewritten under `/<slug>`); the site's own sections go to the
 * site's address (studio-hosts.ts). Any other host, or an API that does not answer, is the site as
 * usual. Locally and in tests the Host header decides, as CloudFront's does on AWS.
 */
export const routeStudioHosts = defineMiddleware(async (context, next) => {
  const host = requestHost(context.request.headers.get("host"));
  const siteUrl = process.env.WEB_URL;
  if (!host || isSiteHost(host.hostname, { platformDomain: sitePlatformDomain(), siteUrl })) return next();
  const studio = await studioOfHost(host.hostname);
  if (!studio) return next();

  const { pathname, search, protocol } = context.url;
  const safe = context.request.method === "GET" || context.request.method === "HEAD";
  const moved = currentSubdomain(studio);
  if (moved) return redirect(`${protocol}//${moved}${host.port ? `:${host.port}` : ""}${pathname}${search}`, safe ? 301 : 308);

  const route = routeOnStudioHost(studio.slug, pathname, search, siteUrl);
  if (route.kind === "redirect") return redirect(route.location, 302);
  const response = route.kind === "rewrite" ? await next(route.path) : await next();

  // The studio changed its slug since this host's answer was kept: its page redirects to the new
  // slug; forget the answer and send the visitor to that address on this host.
  if (response.status !== 301 && response.status !== 308) return response;
  const location = movedLocation(response.headers.get("location"), studio, { protocol, port: host.port });
  if (!location) return response;
  cache.delete(host.hostname);
  return redirect(location, response.status);
});

const redirect = (location: string, status: number) => new Response(null, { status, headers: { Location: location } });

const ttlMs = () => Math.max(0, Number(process.env.STUDIO_HOST_CACHE_SECONDS ?? 60) || 0) * 1000;
const MAX_ENTRIES = 1000;
const cache = new Map<string, { studio: StudioHost | null; until: number }>();

/** The studio a host shows (null: none), from the cache or the API; undefined when the API could not say. */
async function studioOfHost(hostname: string): Promise<StudioHost | null | undefined> {
  const now = Date.now();
  const kept = cache.get(hostname);
  if (kept && kept.until > now) return kept.studio;
  const studio = await askApi(hostname);
  if (studio === undefined) return undefined;
  cache.delete(hostname);
  // The oldest answer makes room: a flood of made-up hosts can't grow the map.
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(hostname, { studio, until: now + ttlMs() });
  return studio;
}

async function askApi(hostname: string): Promise<StudioHost | null | undefined> {
  try {
    const res = await hc<HostingAppType>(apiBaseUrl()).v1.public.domains[":hostname"].$get({ param: { hostname } });
    // Read before narrowing: the route declares 200 and 404, and anything else (a 5xx) is kept out of the cache.
    const status: number = res.status;
    if (res.ok) return (await res.json()) as StudioHost;
    if (status === 404) return null;
    console.error(`Studio host ${hostname}: API answered ${status}`);
  } catch (error) {
    console.error(`Studio host ${hostname}: ${(error as Error).message}`);
  }
  return undefined;
}
