import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { claimWithinLimit, counterKey } from "../rate-limit";
import { lookupTxt } from "./dns-txt";
import { DOMAIN_CHECKS } from "./domain-policy";
import { toDomain, type DomainView } from "./domain-view";
import { domainsDb } from "./domains-db";
import { domainTaken, loadDomain } from "./manage-domains";
import type { StudioDomainRecord } from "./studio-domain.entity";
import { verificationName, verificationValue } from "./verification-record";

/**
 * Checks a pending domain's TXT record now (owners; "Check now"). Found: the domain and its claim
 * are verified in one transaction (with its audit event) and the site serves the studio there.
 * Not found, or holding another value, or the lookup failing: a 409 `domain.not_verified` saying
 * what was looked for and found, also kept on the domain (`lastError`, `lastCheckedAt`) for its
 * page. A verified domain answers as it is, with no lookup. DOMAIN_CHECKS checks an hour a studio.
 */
export async function verifyDomain(actor: Actor, studioId: string, hostnameParam: string, now = new Date()): Promise<DomainView> {
  const { domain, claim } = await loadDomain(actor, studioId, hostnameParam, now);
  if (domain.status === "verified") return toDomain(domain);
  // A lapsed claim was taken over by another studio: this one can't be verified any more.
  if (claim?.studioId !== studioId) throw domainTaken();
  await claimWithinLimit(
    counterKey(DOMAIN_CHECKS, studioId, now.getTime()),
    `A studio may check its domains ${DOMAIN_CHECKS.max} times an hour; try again later`,
    now.getTime(),
  );
  const { hostname } = domain;
  const at = now.toISOString();
  const problem = await txtProblem(domain);
  if (problem) {
    await recordFailedCheck(domain, at, problem);
    throw conflict("domain.not_verified", problem);
  }

  const verified: StudioDomainRecord = { ...domain, status: "verified", verifiedAt: at, lastCheckedAt: at, updatedAt: at };
  delete verified.lastError;
  delete verified.expiresAt;
  await commitWrites(domainsDb, (tx) => [
    failsWith(
      tx.studioDomain
        .patch({ studioId, hostname })
        .set({ status: "verified", verifiedAt: at, lastCheckedAt: at })
        .remove(["lastError", "expiresAt"])
        .where((a, op) => op.eq(a.status, "pending"))
        .commit(),
      () => conflict("studio.changed", "The domain changed meanwhile; load it again"),
    ),
    failsWith(
      tx.domainClaim
        .patch({ hostname })
        .set({ verifiedAt: at })
        .remove(["expiresAt"])
        .where((a, op) => op.eq(a.studioId, studioId))
        .commit(),
      domainTaken,
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "domain.verified", entityType: "domain", entityId: hostname, before: domain, after: verified }),
  ]);
  return toDomain(verified);
}

/** What stands between the domain and its verification, in words for its owner; undefined when its record is there. */
async function txtProblem(domain: StudioDomainRecord): Promise<string | undefined> {
  const name = verificationName(domain.hostname);
  const value = verificationValue(domain.token);
  const answer = await lookupTxt(name);
  if (answer.found && answer.values.some((found) => found.trim() === value)) return undefined;
  if (answer.found) {
    const seen = answer.values
      .slice(0, 3)
      .map((found) => `“${found.length > 80 ? `${found.slice(0, 80)}…` : found}”`)
      .join(", ");
    return `The TXT record at ${name} doesn't hold ${value} (found ${seen}). Set it to exactly that value, then check again.`;
  }
  if (answer.missing)
    return `No TXT record was found at ${name}. Add one with the value ${value}; a new record can take a few minutes (at times a few hours) to show.`;
  return `The DNS lookup of ${name} failed (${answer.code}). Nothing changed; try again in a few minutes.`;
}

/** Keeps a failed check on the pending domain (no audit event: nothing changed); a domain removed meanwhile is left alone. */
async function recordFailedCheck(domain: StudioDomainRecord, at: string, problem: string) {
  try {
    await domainsDb()
      .entities.studioDomain.patch({ studioId: domain.studioId, hostname: domain.hostname })
      .set({ lastCheckedAt: at, lastError: problem })
      .where((a, op) => op.eq(a.status, "pending"))
      .go({ response: "none" });
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name !== "ConditionalCheckFailedException") throw error;
  }
}
