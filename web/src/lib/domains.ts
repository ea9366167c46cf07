import type { Reason } from "@studiosync/core/kernel";
import type { FieldErrors, Problem } from "./problem";
import type { Tone } from "./tone";

/**
 * The studio's domains page (Settings, owners only): its free address under the platform's domain
 * and the domains it attaches, each proven with a DNS TXT record. Words and helpers — pure; the page
 * calls the API with the hosting module's client (`asHosting`, lib/usage.ts).
 */
export type DomainStatus = "pending" | "verified";

export const DOMAIN_STATUS: Record<DomainStatus, { label: string; tone: Tone }> = {
  pending: { label: "Waiting for DNS record", tone: "warning" },
  verified: { label: "Verified", tone: "success" },
};

export const ONLY_OWNERS = "Only the studio's owner can add or remove domains.";

/** `<base>/settings/domains`. */
export const domainsHref = (base: string) => `${base}/settings/domains`;

/** The page at `url` asking to confirm removing `hostname`. */
export function removeHref(here: string, hostname: string): string {
  return `${here}?remove=${encodeURIComponent(hostname)}`;
}

/** An address to open: `https://<host>` on AWS; locally the site's own scheme and port (`http://<slug>.studiosync.localhost:4321`). */
export function hostUrl(hostname: string, site: URL): string {
  const local = site.protocol === "http:";
  return `${local ? "http:" : "https:"}//${hostname}${local && site.port ? `:${site.port}` : ""}/`;
}

/** The site's words for the API's refusals here (a conflict's own words say the rest). */
export const DOMAIN_WORDS: Partial<Record<Reason, string>> = {
  "domain.taken": "Another StudioSync studio uses this domain. If it is yours, ask that studio to remove it, or write to StudioSync support.",
  "domain.exists": "This domain is already in your list below.",
  "domain.limit": "A studio can have up to 5 domains: remove one to add another.",
};

/** The domain field's error, in a sentence ("must be a domain name…" → "The domain must be a domain name…"). */
export function hostnameError(problem: Problem | undefined): FieldErrors {
  const message = problem?.errors?.find((e) => e.path === "hostname")?.message;
  if (!message) return {};
  const sentence = /^[a-z]/.test(message) ? `The domain ${message}` : message;
  return { hostname: /[.!?]$/.test(sentence) ? sentence : `${sentence}.` };
}
