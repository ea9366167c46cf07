import { isIP } from "node:net";

/**
 * Which requests reach a studio's own host — `<slug>.<platform domain>` or a verified custom
 * domain — and where they go there (the middleware, studio-host-routing.ts, asks the API which
 * studio a host shows). Pure: no I/O, no Astro.
 */

/** As core/domains/platform-domain.ts: locally and in tests `studiosync.localhost` (browsers send `*.localhost` here). */
export const LOCAL_PLATFORM_DOMAIN = "studiosync.localhost";

/** The platform's domain as the site is told it (`PLATFORM_DOMAIN`), the local default off AWS. */
export function sitePlatformDomain(env: Record<string, string | undefined> = process.env): string | undefined {
  const configured = env.PLATFORM_DOMAIN?.trim().toLowerCase().replace(/\.$/, "");
  if (configured) return configured;
  return env.SST_APP ? undefined : LOCAL_PLATFORM_DOMAIN;
}

/** A Host header's name (lower case, no trailing dot) and port; undefined for anything that isn't a plain DNS name. */
export function requestHost(header: string | null | undefined): { hostname: string; port: string } | undefined {
  const match = /^([a-z0-9.-]+?)\.?(?::(\d{1,5}))?$/i.exec(header?.trim() ?? "");
  if (!match) return undefined;
  return { hostname: match[1]!.toLowerCase(), port: match[2] ?? "" };
}

/**
 * The site's own hosts, never a studio's: its configured address (WEB_URL), the platform's domain
 * and `www.` under it, addresses and `localhost`, and AWS's default names (CloudFront, Lambda URLs).
 */
export function isSiteHost(hostname: string, options: { platformDomain?: string; siteUrl?: string }): boolean {
  const { platformDomain, siteUrl } = options;
  if (isIP(hostname) || hostname === "localhost" || !hostname.includes(".")) return true;
  if (platformDomain && (hostname === platformDomain || hostname === `www.${platformDomain}`)) return true;
  if (/\.(cloudfront\.net|on\.aws|amazonaws\.com)$/.test(hostname)) return true;
  return Boolean(siteUrl) && safeHostname(siteUrl!) === hostname;
}

/**
 * The site's own sections — signing in, the workspace, the portal, the account — which a studio's
 * host sends to the site's address: sessions live there, and a studio's domain (whose DNS the
 * studio controls) must not become a place people type their StudioSync password.
 */
const SITE_SECTIONS = new Set([
  "account",
  "dashboard",
  "forgot-password",
  "invitations",
  "login",
  "logout",
  "notifications",
  "portal",
  "privacy-exports",
  "reset-password",
  "signup",
  "verify-email",
]);

export type HostRoute =
  /** Serve the path as it is: an asset, or a path already under the studio (its pages link to `/<slug>/…`). */
  | { kind: "pass" }
  /** Serve the studio's page at this path instead (`/events/x` → `/<slug>/events/x`). */
  | { kind: "rewrite"; path: string }
  /** One of the site's own sections, at the site's address. */
  | { kind: "redirect"; location: string };

/** Where a request for `pathname` on the host of the studio at `slug` goes. */
export function routeOnStudioHost(slug: string, pathname: string, search: string, siteUrl?: string): HostRoute {
  const first = pathname.split("/")[1] ?? "";
  if (first.startsWith("_") || first === slug) return { kind: "pass" };
  if (SITE_SECTIONS.has(first) && siteUrl) return { kind: "redirect", location: `${siteUrl.replace(/\/+$/, "")}${pathname}${search}` };
  return { kind: "rewrite", path: `/${slug}${pathname === "/" ? "" : pathname}${search}` };
}

/**
 * A studio page's permanent redirect to another slug (the studio moved: `/<new slug>/…`), as the
 * address on this host: the new slug's subdomain, or the same custom domain without the slug.
 * Undefined when the redirect is not such a move.
 */
export function movedLocation(
  location: string | null,
  studio: { slug: string; kind: "subdomain" | "custom"; hostname: string },
  origin: { protocol: string; port: string },
): string | undefined {
  const match = /^\/([a-z0-9-]+)(\/[^?#]*)?(.*)$/.exec(location ?? "");
  if (!match || match[1] === studio.slug) return undefined;
  const [, slug, rest = "", query = ""] = match;
  if (studio.kind === "custom") return `${rest || "/"}${query}`;
  const parent = studio.hostname.slice(studio.hostname.indexOf(".") + 1);
  return `${origin.protocol}//${slug}.${parent}${origin.port ? `:${origin.port}` : ""}${rest || "/"}${query}`;
}

/** The subdomain of an old slug: the same path at the current slug's subdomain. Undefined when the label is the slug. */
export function currentSubdomain(studio: { slug: string; kind: "subdomain" | "custom"; hostname: string }): string | undefined {
  if (studio.kind !== "subdomain") return undefined;
  const dot = studio.hostname.indexOf(".");
  return studio.hostname.slice(0, dot) === studio.slug ? undefined : `${studio.slug}.${studio.hostname.slice(dot + 1)}`;
}

function safeHostname(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
