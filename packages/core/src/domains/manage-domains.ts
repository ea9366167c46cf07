import { recordAudit } from "../audit";
import { config } from "../kernel/config";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { itemOf } from "../kernel/db/read-together";
import { conflict, invalidField, notFound } from "../kernel/errors";
import { assertMay, loadMemberWith, loadStudioMember, type Actor } from "../policy";
import type { DomainClaimRecord } from "./domain-claim.entity";
import { epochSeconds, lapsed, MAX_DOMAINS, PENDING_DAYS } from "./domain-policy";
import { toDomain, type DomainView } from "./domain-view";
import { domainsDb } from "./domains-db";
import { hostKey } from "./hostname";
import { isPlatformHost, platformDomain, platformHostOf } from "./platform-domain";
import type { AddDomainInput } from "./schemas";
import type { StudioDomainRecord } from "./studio-domain.entity";
import { newVerificationToken } from "./verification-record";

export const domainTaken = () => conflict("domain.taken", "Another StudioSync studio uses this domain", "hostname");

/** The studio's domains that have not lapsed, by hostname. */
async function liveDomainsOf(studioId: string, now: Date): Promise<StudioDomainRecord[]> {
  const { data } = await domainsDb().entities.studioDomain.query.studioDomain({ studioId }).go({ pages: "all" });
  return data.filter((domain) => !lapsed(domain, now));
}

/** The member (an owner), the studio, the domain and its claim, in one read; a missing or lapsed domain is 404. */
export async function loadDomain(actor: Actor, studioId: string, hostnameParam: string, now: Date) {
  const hostname = hostKey(hostnameParam);
  if (!hostname) throw notFound("Domain");
  const { studioDomain, domainClaim } = domainsDb().entities;
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(studioDomain, { studioId, hostname }), itemOf(domainClaim, { hostname }));
  assertMay(member, "domain.manage");
  const [domain, claim] = records;
  if (!domain || lapsed(domain, now)) throw notFound("Domain");
  return { studio, domain, claim };
}

/** The studio's domains (owners), with its free address under the platform's domain and how many it may attach. */
export async function listDomains(actor: Actor, studioId: string, now = new Date()) {
  const { member, studio } = await loadStudioMember(actor, studioId);
  assertMay(member, "domain.manage");
  const items: DomainView[] = (await liveDomainsOf(studioId, now)).map(toDomain);
  return { items, platformHost: platformHostOf(studio.slug), maxDomains: MAX_DOMAINS };
}

/**
 * Attaches a domain (owners), pending until its TXT record is found (verify-domain.ts). The domain
 * and its platform-wide claim are one transaction: the claim is written only if no other studio
 * holds the hostname (or its claim lapsed), so two studios never attach one host. At most
 * MAX_DOMAINS a studio: counted from a read, so two adds at the very same moment could pass one
 * over — harmless (a soft limit on work, not on money or people).
 */
export async function addDomain(actor: Actor, studioId: string, input: AddDomainInput, now = new Date()): Promise<DomainView> {
  const { hostname } = input;
  assertNotPlatformHost(hostname);
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(domainsDb().entities.domainClaim, { hostname }));
  assertMay(member, "domain.manage");
  const [claim] = records as [DomainClaimRecord | null];
  const live = await liveDomainsOf(studioId, now);
  if (live.some((domain) => domain.hostname === hostname)) throw conflict("domain.exists", "This domain is already attached to this studio", "hostname");
  if (claim && claim.studioId !== studioId && !lapsed(claim, now)) throw domainTaken();
  if (live.length >= MAX_DOMAINS) throw conflict("domain.limit", `A studio may attach at most ${MAX_DOMAINS} domains; remove one first`);

  const at = now.toISOString();
  const expiresAt = epochSeconds(now) + PENDING_DAYS * 86_400;
  const domain: StudioDomainRecord = {
    studioId,
    hostname,
    token: newVerificationToken(),
    status: "pending",
    createdBy: actor.userId,
    expiresAt,
    createdAt: at,
    updatedAt: at,
  };
  const nowSeconds = epochSeconds(now);
  await commitWrites(domainsDb, (tx) => [
    failsWith(
      tx.studioDomain
        .put(domain)
        .where((a, op) => `${op.notExists(a.hostname)} OR ${op.lte(a.expiresAt, nowSeconds)}`)
        .commit(),
      () => conflict("domain.exists", "This domain is already attached to this studio", "hostname"),
    ),
    failsWith(
      tx.domainClaim
        .put({ hostname, studioId, expiresAt, createdAt: at, updatedAt: at })
        .where((a, op) => `${op.notExists(a.studioId)} OR ${op.lte(a.expiresAt, nowSeconds)}`)
        .commit(),
      domainTaken,
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "domain.added", entityType: "domain", entityId: hostname, after: domain }),
  ]);
  return toDomain(domain);
}

/** Detaches a domain (owners): the site stops serving the studio there at once (within the site's minute of caching). */
export async function removeDomain(actor: Actor, studioId: string, hostnameParam: string, now = new Date()): Promise<void> {
  const { domain, claim } = await loadDomain(actor, studioId, hostnameParam, now);
  const { hostname } = domain;
  const changed = () => conflict("studio.changed", "The domain changed meanwhile; load it again");
  await commitWrites(domainsDb, (tx) => [
    failsWith(
      tx.studioDomain
        .delete({ studioId, hostname })
        .where((a, op) => op.eq(a.updatedAt, domain.updatedAt))
        .commit(),
      changed,
    ),
    ...(claim?.studioId === studioId
      ? [
          failsWith(
            tx.domainClaim
              .delete({ hostname })
              .where((a, op) => op.eq(a.studioId, studioId))
              .commit(),
            changed,
          ),
        ]
      : []),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "domain.removed", entityType: "domain", entityId: hostname, before: domain }),
  ]);
}

/** The platform's own domain, its subdomains and the site's and API's hosts are StudioSync's, never a studio's. */
function assertNotPlatformHost(hostname: string) {
  const own = [config().webUrl, config().apiUrl].map((url) => hostKey(new URL(url).hostname));
  if (isPlatformHost(hostname) || own.includes(hostname)) {
    const domain = platformDomain();
    throw invalidField("hostname", domain ? `is StudioSync's own domain: your studio already has its address under ${domain}` : "is StudioSync's own domain");
  }
}
