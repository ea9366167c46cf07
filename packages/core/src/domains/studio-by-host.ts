import { db } from "../db";
import { notFound } from "../kernel/errors";
import { liveStudioBySlug } from "../studios";
import { isLive } from "../studios";
import { domainsDb } from "./domains-db";
import { hostKey } from "./hostname";
import { isPlatformHost, platformSubdomainLabel } from "./platform-domain";

export interface StudioHost {
  hostname: string;
  /** The studio's current address: the site serves `/<slug>` there, and redirects a subdomain of an old slug to it. */
  slug: string;
  kind: "subdomain" | "custom";
}

/**
 * Which studio's public pages a host shows (the site's middleware asks, per Host header): a
 * subdomain of the platform's domain by its slug (an old slug too: `slug` is then the current one),
 * or a verified custom domain by its claim. This is one of the few deliberate cross-studio lookups;
 * unknown, pending, lapsed, and inactive or deleted studios' hosts are all "not found".
 */
export async function studioByHost(input: string): Promise<StudioHost> {
  const hostname = hostKey(input);
  if (!hostname) throw notFound("Domain");
  const label = platformSubdomainLabel(hostname);
  if (label !== undefined) {
    const studio = await liveStudioBySlug(label);
    return { hostname, slug: studio.slug, kind: "subdomain" };
  }
  if (isPlatformHost(hostname)) throw notFound("Domain");
  const { data: claim } = await domainsDb().entities.domainClaim.get({ hostname }).go();
  if (!claim?.verifiedAt) throw notFound("Domain");
  const { data: studio } = await db().entities.studio.get({ studioId: claim.studioId }).go();
  if (!studio || !isLive(studio)) throw notFound("Domain");
  return { hostname, slug: studio.slug, kind: "custom" };
}
