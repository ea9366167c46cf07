import { randomUUID } from "node:crypto";
import { db } from "@studiosync/core/db";
import { DOMAIN_CHECKS, domainsDb, MAX_DOMAINS } from "@studiosync/core/domains";
import { counterKey } from "@studiosync/core/rate-limit";
import { testDns } from "@studiosync/local/testing";
import type { DnsLocal } from "@studiosync/local/engines";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio, uniqueSlug } from "./support/api";
import { memberWithRole } from "./support/members";
import { auditActions } from "./support/people";

/**
 * Custom domains (issue 17): an owner attaches a hostname, publishes the TXT record the answer names
 * and asks for a check; the TXT lookup asks this worker's local DNS responder (DNS_SERVERS), never
 * the public DNS. One hostname belongs to one studio. The public lookup maps a host to a studio's
 * current slug: verified custom domains and `<slug>.<platform domain>` (studiosync.localhost here).
 */
type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

let dns: DnsLocal;
beforeAll(async () => {
  dns = await testDns();
});

const host = (label = "studio") => `${label}-${randomUUID().slice(0, 8)}.example.com`;
const domains = (owner: Owner) => `/v1/studios/${owner.studio.id}/domains`;
const add = (owner: Owner, hostname: unknown, token = owner.accessToken) => api("POST", domains(owner), { token, body: { hostname } });
const verify = (owner: Owner, hostname: string, token = owner.accessToken) =>
  api("POST", `${domains(owner)}/${encodeURIComponent(hostname)}/verify`, { token });
const remove = (owner: Owner, hostname: string, token = owner.accessToken) => api("DELETE", `${domains(owner)}/${encodeURIComponent(hostname)}`, { token });
const lookup = (hostname: string) => api("GET", `/v1/public/domains/${encodeURIComponent(hostname)}`);
/** Publishes the TXT record a domain's answer names. */
const publish = (domain: { verification: { name: string; value: string } }, ...others: string[]) =>
  dns.setTxt(domain.verification.name, [...others, domain.verification.value]);

/** Writes a pending domain and its claim as they will be once PENDING_DAYS have passed. */
async function lapse(studioId: string, hostname: string) {
  const past = Math.floor(Date.now() / 1000) - 60;
  await domainsDb().entities.studioDomain.patch({ studioId, hostname }).set({ expiresAt: past }).go();
  await domainsDb().entities.domainClaim.patch({ hostname }).set({ expiresAt: past }).go();
}

describe("custom domains", () => {
  it("are added pending with their TXT record, fail a check without it (saying why) and are verified once it is served", async () => {
    const owner = await ownerWithStudio();
    const hostname = host("www");
    const typed = `${hostname.toUpperCase()}.`;

    const added = await add(owner, typed);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      hostname,
      status: "pending",
      verification: { type: "TXT", name: `_studiosync-verify.${hostname}`, value: expect.stringMatching(/^studiosync-verify=[A-Za-z0-9_-]{22}$/) },
      verifiedAt: null,
      lastCheckedAt: null,
      lastError: null,
    });
    const lapsesIn = Date.parse(added.body.expiresAt) - Date.now();
    expect(lapsesIn).toBeGreaterThan(6.9 * 86_400_000);
    expect(lapsesIn).toBeLessThanOrEqual(7 * 86_400_000);
    // Not served while pending.
    expect((await lookup(hostname)).status).toBe(404);

    // No record yet: a 409 that names the record to add, kept on the domain for its page.
    const missing = await verify(owner, hostname);
    expect([missing.status, missing.body.code]).toEqual([409, "domain.not_verified"]);
    expect(missing.body.detail).toContain(`No TXT record was found at _studiosync-verify.${hostname}`);
    expect(missing.body.detail).toContain(added.body.verification.value);
    expect(dns.asked).toContain(`TXT _studiosync-verify.${hostname}`);
    const listed = await api("GET", domains(owner), { token: owner.accessToken });
    expect(listed.body).toMatchObject({ platformHost: `${owner.studio.slug}.studiosync.localhost`, maxDomains: MAX_DOMAINS });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ hostname, status: "pending", lastError: missing.body.detail, lastCheckedAt: expect.any(String) }),
    ]);

    // Another value (another studio's token, say): named, not accepted.
    dns.setTxt(added.body.verification.name, ["studiosync-verify=someone-elses-token"]);
    const wrong = await verify(owner, hostname);
    expect([wrong.status, wrong.body.code]).toEqual([409, "domain.not_verified"]);
    expect(wrong.body.detail).toContain("doesn't hold");
    expect(wrong.body.detail).toContain("someone-elses-token");

    // The DNS server failing: nothing is known, nothing changes.
    dns.failName(added.body.verification.name);
    const broken = await verify(owner, hostname);
    expect([broken.status, broken.body.code]).toEqual([409, "domain.not_verified"]);
    expect(broken.body.detail).toMatch(/lookup .* failed \(ESERVFAIL\)/);

    // The record among others at the name: verified.
    publish(added.body, "google-site-verification=abc", "v=spf1 -all");
    const verified = await verify(owner, hostname);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body).toMatchObject({ hostname, status: "verified", verifiedAt: expect.any(String), lastError: null, expiresAt: null });
    // Checked again: as it is, no lookup.
    const questions = dns.asked.length;
    expect((await verify(owner, hostname)).body.status).toBe("verified");
    expect(dns.asked.length).toBe(questions);

    // Served: the host names the studio's slug, however the host is written.
    const found = await lookup(`${hostname.toUpperCase()}.`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ hostname, slug: owner.studio.slug, kind: "custom" });
    expect(found.headers.get("Cache-Control")).toBe("public, max-age=60");

    // Removed: no longer served, and free for anyone.
    expect((await remove(owner, hostname)).status).toBe(204);
    expect((await lookup(hostname)).status).toBe(404);
    expect((await api("GET", domains(owner), { token: owner.accessToken })).body.items).toEqual([]);
    expect((await remove(owner, hostname)).status).toBe(404);
    expect(await auditActions(owner.studio.id, "domain", hostname)).toEqual(["domain.added", "domain.verified", "domain.removed"]);
  });

  it("belong to one studio: another studio can't attach a hostname in use, until it is removed or its pending claim lapses", async () => {
    const first = await ownerWithStudio();
    const second = await ownerWithStudio();
    const shared = host("shared");
    const a = (await add(first, shared)).body;
    const taken = await add(second, shared);
    expect([taken.status, taken.body.code, taken.body.errors?.[0]?.path]).toEqual([409, "domain.taken", "hostname"]);
    expect(JSON.stringify(taken.body)).not.toContain(first.studio.name);
    expect((await add(first, shared)).body.code).toBe("domain.exists");
    // Verified, still the first studio's; the second studio's check of it is a 404 (not its domain).
    publish(a);
    expect((await verify(first, shared)).body.status).toBe("verified");
    expect((await add(second, shared)).body.code).toBe("domain.taken");
    expect((await verify(second, shared)).status).toBe(404);
    expect((await remove(second, shared)).status).toBe(404);
    expect((await lookup(shared)).body.slug).toBe(first.studio.slug);

    // A pending domain never verified lapses: the hostname is free again, and the first studio's lapsed entry is gone.
    const squatted = host("squatted");
    const pending = (await add(first, squatted)).body;
    publish(pending);
    await lapse(first.studio.id, squatted);
    expect((await api("GET", domains(first), { token: first.accessToken })).body.items.map((d: { hostname: string }) => d.hostname)).toEqual([shared]);
    const retaken = await add(second, squatted);
    expect(retaken.status, JSON.stringify(retaken.body)).toBe(201);
    expect(retaken.body.verification.value).not.toBe(pending.verification.value);
    // The first studio's old record proves nothing now: its domain is gone, and only the second studio's token verifies.
    expect((await verify(first, squatted)).status).toBe(404);
    expect((await verify(second, squatted)).body.code).toBe("domain.not_verified");
    publish(retaken.body);
    expect((await verify(second, squatted)).body.status).toBe("verified");
    expect((await lookup(squatted)).body.slug).toBe(second.studio.slug);

    // Removed by its studio: the other may attach it.
    expect((await remove(first, shared)).status).toBe(204);
    expect((await add(second, shared)).status).toBe(201);
    expect((await lookup(shared)).status).toBe(404);
  });

  it("validates the hostname (422 on the field), refuses the platform's own domain, and keeps to the limit", async () => {
    const owner = await ownerWithStudio();
    for (const bad of ["https://www.example.com/", "10.0.0.1", "studio.localhost", "studio", "my_studio.example.com", "", 42]) {
      const res = await add(owner, bad);
      expect([bad, res.status, res.body.errors?.map((e: { path: string }) => e.path)]).toEqual([bad, 422, ["hostname"]]);
    }
    expect((await api("POST", domains(owner), { token: owner.accessToken, body: {} })).status).toBe(422);
    expect((await api("POST", domains(owner), { token: owner.accessToken, body: { hostname: host(), extra: 1 } })).status).toBe(422);
    expect((await api("POST", domains(owner), { token: owner.accessToken, rawBody: "hostname=x.com" })).status).toBe(400);

    // The platform's domain (configured as on AWS) and the names under it are StudioSync's.
    const saved = process.env.PLATFORM_DOMAIN;
    process.env.PLATFORM_DOMAIN = "studiosync-platform.app";
    try {
      for (const own of ["studiosync-platform.app", "www.studiosync-platform.app", `${owner.studio.slug}.studiosync-platform.app`]) {
        const res = await add(owner, own);
        expect([own, res.status, res.body.errors?.[0]?.message]).toEqual([own, 422, expect.stringContaining("StudioSync's own domain")]);
      }
      const sub = await lookup(`${owner.studio.slug}.studiosync-platform.app`);
      expect(sub.body).toEqual({ hostname: `${owner.studio.slug}.studiosync-platform.app`, slug: owner.studio.slug, kind: "subdomain" });
    } finally {
      if (saved === undefined) delete process.env.PLATFORM_DOMAIN;
      else process.env.PLATFORM_DOMAIN = saved;
    }

    // An internationalized name is kept in punycode.
    const idn = `bücher-${randomUUID().slice(0, 6)}.example.com`;
    const added = await add(owner, idn);
    expect(added.body.hostname).toMatch(/^xn--bcher-.+\.example\.com$/);
    for (let i = 1; i < MAX_DOMAINS; i++) expect((await add(owner, host())).status).toBe(201);
    const over = await add(owner, host());
    expect([over.status, over.body.code]).toEqual([409, "domain.limit"]);
  });

  it("are the owner's: an admin is refused (403), another studio and an anonymous caller are not let in, nor an API key", async () => {
    const owner = await ownerWithStudio();
    const admin = await memberWithRole(owner, "admin");
    const outsider = await ownerWithStudio();
    const hostname = host();
    expect((await add(owner, hostname)).status).toBe(201);

    for (const res of [
      await api("GET", domains(owner), { token: admin.accessToken }),
      await add(owner, host(), admin.accessToken),
      await verify(owner, hostname, admin.accessToken),
      await remove(owner, hostname, admin.accessToken),
    ])
      expect([res.status, res.body.code]).toEqual([403, "role.not_allowed"]);

    for (const res of [
      await api("GET", domains(owner), { token: outsider.accessToken }),
      await add(owner, host(), outsider.accessToken),
      await verify(owner, hostname, outsider.accessToken),
      await remove(owner, hostname, outsider.accessToken),
    ]) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(owner.studio.name);
    }
    expect((await api("GET", domains(owner))).status).toBe(401);

    const key = await api("POST", `/v1/studios/${owner.studio.id}/api-keys`, { token: owner.accessToken, body: { name: "Sync", scopes: ["read", "write"] } });
    const byKey = await api("GET", domains(owner), { token: key.body.token });
    expect([byKey.status, byKey.body.code]).toEqual([403, "api_key.studio_routes_only"]);
    expect((await api("GET", domains(owner), { token: owner.accessToken })).body.items).toHaveLength(1);
  });

  it("limits the DNS checks a studio asks for", async () => {
    const owner = await ownerWithStudio();
    const hostname = host();
    expect((await add(owner, hostname)).status).toBe(201);
    const counter = counterKey(DOMAIN_CHECKS, owner.studio.id);
    await db()
      .entities.rateCounter.update({ bucket: counter.bucket, window: counter.window })
      .set({ count: DOMAIN_CHECKS.max, expiresAt: counter.expiresAt })
      .go();
    const questions = dns.asked.length;
    const limited = await verify(owner, hostname);
    expect([limited.status, limited.body.code]).toEqual([429, "rate_limited"]);
    expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(dns.asked.length).toBe(questions);
  });
});

describe("the public host lookup", () => {
  it("maps <slug>.<platform domain> to the studio, an old slug's subdomain to its new slug, and nothing else", async () => {
    const owner = await ownerWithStudio();
    const oldSlug = owner.studio.slug;
    const sub = await lookup(`${oldSlug}.studiosync.localhost`);
    expect(sub.body).toEqual({ hostname: `${oldSlug}.studiosync.localhost`, slug: oldSlug, kind: "subdomain" });
    expect((await lookup(`${oldSlug.toUpperCase()}.StudioSync.localhost:4321`)).body.slug).toBe(oldSlug);

    const newSlug = uniqueSlug("moved");
    expect((await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: { slug: newSlug } })).status).toBe(200);
    expect((await lookup(`${oldSlug}.studiosync.localhost`)).body).toEqual({ hostname: `${oldSlug}.studiosync.localhost`, slug: newSlug, kind: "subdomain" });
    expect((await lookup(`${newSlug}.studiosync.localhost`)).body.slug).toBe(newSlug);

    for (const unknown of [
      `nobody-${randomUUID().slice(0, 8)}.studiosync.localhost`,
      "studiosync.localhost",
      "www.studiosync.localhost",
      `a.${newSlug}.studiosync.localhost`,
      host("never-added"),
      "127.0.0.1",
      "not a host",
    ]) {
      const res = await lookup(unknown);
      expect([unknown, res.status]).toEqual([unknown, 404]);
    }
  });
});
