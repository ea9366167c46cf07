import { request } from "node:http";
import type { AppType, HostingAppType } from "@studiosync/functions";
import { testDns } from "@studiosync/local/testing";
import type { DnsLocal } from "@studiosync/local/engines";
import { hc } from "hono/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BrowserSessions } from "./support/browser-sessions";
import { expectStatus, PASSWORD, seedStudio } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * Custom domains and Host routing through the built site. The owner attaches a domain from
 * Settings → Domains, reads the TXT record to publish, checks it (refused, then verified once this
 * worker's DNS responder serves it) and removes it. The site serves a studio's public pages at
 * `<slug>.studiosync.localhost` and at its verified domain, told apart by the Host header (as
 * CloudFront's is on AWS): `/` is the studio's page, its sections live under it, the site's own
 * sections go to the site's address; a renamed studio's old subdomain answers 301 to the new one.
 */
let site: Site;
let sessions: BrowserSessions;
let dns: DnsLocal;

beforeAll(async () => {
  // The API runs in this process: its TXT lookups ask the responder, never the public DNS.
  dns = await testDns();
  site = await startSite();
  sessions = new BrowserSessions(site);
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

const port = () => new URL(site.webUrl).port;
const subdomain = (slug: string) => `${slug}.studiosync.localhost`;

/** One request to the site with `host` as its Host header (no redirect followed). */
function visit(host: string, path: string): Promise<{ status: number; location: string | undefined; body: string }> {
  const url = new URL(site.webUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: "GET", headers: { host: `${host}:${url.port}` } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The owner through the API: the whole app's client, and the hosting module's own (domains). */
async function ownerApi(email: string) {
  const login = await expectStatus("login", hc<AppType>(site.apiUrl).v1.auth.login.$post({ json: { email, password: PASSWORD } }), 200);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  return { app: hc<AppType>(site.apiUrl, { headers }), hosting: hc<HostingAppType>(site.apiUrl, { headers }) };
}
type Owner = Awaited<ReturnType<typeof ownerApi>>;

/** A verified domain of the studio, made through the API with its record served by the responder. */
async function verifiedDomain(owner: Owner, studioId: string, hostname: string) {
  const param = { studioId };
  const added = await (await expectStatus("add domain", owner.hosting.v1.studios[":studioId"].domains.$post({ param, json: { hostname } }), 201)).json();
  dns.setTxt(added.verification.name, [added.verification.value]);
  await expectStatus("verify domain", owner.hosting.v1.studios[":studioId"].domains[":hostname"].verify.$post({ param: { studioId, hostname } }), 200);
}

describe("Settings → Domains", { timeout: 120_000 }, () => {
  it("the owner adds a domain, sees its TXT record, checks it before and after publishing it, and removes it", async () => {
    const studio = await seedStudio(site.apiUrl, "Domain Music");
    const base = `/dashboard/studios/${studio.studioId}`;
    const hostname = `www.${studio.slug}.example.com`;
    const page = await sessions.signIn(studio.email, `${base}/settings`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Domains" }).click();
    await page.getByRole("heading", { name: "No domains yet" }).waitFor();
    // The free address, opening at this site's port.
    const free = page.getByRole("link", { name: subdomain(studio.slug) });
    await expect(free.getAttribute("href")).resolves.toBe(`http://${subdomain(studio.slug)}:${port()}/`);
    await sessions.expectAccessible(page);

    // Not a domain: the field says why, and keeps what was typed.
    await page.getByLabel("Domain", { exact: true }).fill(`https://${hostname}/`);
    await page.getByRole("button", { name: "Add domain" }).click();
    await page.getByText("Enter the domain alone").first().waitFor();
    await expect(page.getByLabel("Domain", { exact: true }).inputValue()).resolves.toBe(`https://${hostname}/`);

    await page.getByLabel("Domain", { exact: true }).fill(hostname.toUpperCase());
    await page.getByRole("button", { name: "Add domain" }).click();
    await page.getByText(`${hostname} added. Publish its DNS record below, then check it.`).waitFor();
    const card = page.locator("li", { has: page.getByRole("heading", { name: hostname }) });
    await card.getByText("Waiting for DNS record").waitFor();
    const name = await card.getByLabel("Name").inputValue();
    const value = await card.getByLabel("Value").inputValue();
    expect(name).toBe(`_studiosync-verify.${hostname}`);
    expect(value).toMatch(/^studiosync-verify=[A-Za-z0-9_-]{22}$/);
    await sessions.expectAccessible(page);

    // Checked before the record exists: what was looked for, on the domain's card.
    await card.getByRole("button", { name: `Check ${hostname} now` }).click();
    await page.getByText(`${hostname} isn't verified yet.`).waitFor();
    await page.getByText(`No TXT record was found at ${name}`).first().waitFor();

    dns.setTxt(name, [value]);
    await page
      .locator("li", { has: page.getByRole("heading", { name: hostname }) })
      .getByRole("button", { name: `Check ${hostname} now` })
      .click();
    await page.getByText(`${hostname} is verified`).waitFor();
    await page
      .locator("li", { has: page.getByRole("heading", { name: hostname }) })
      .getByText("Verified", { exact: true })
      .waitFor();
    // Served at once (the site had no answer kept for this host).
    const served = await visit(hostname, "/");
    expect(served.status).toBe(200);
    expect(served.body).toContain("Domain Music");
    await sessions.expectAccessible(page);

    await page.getByRole("link", { name: `Remove ${hostname}` }).click();
    await page.getByRole("heading", { name: `Remove ${hostname}?` }).waitFor();
    await page.getByRole("button", { name: "Remove domain" }).click();
    await page.getByText(`${hostname} removed`).waitFor();
    await page.getByRole("heading", { name: "No domains yet" }).waitFor();
  });
});

describe("Host routing", { timeout: 120_000 }, () => {
  it("serves a studio at <slug>.<platform domain> and at its verified domain; other hosts get the site", async () => {
    const studio = await seedStudio(site.apiUrl, "Hosted Music");
    const owner = await ownerApi(studio.email);
    const own = `${studio.slug}.example.com`;
    await verifiedDomain(owner, studio.studioId, own);
    const pending = `pending-${studio.slug}.example.com`;
    await expectStatus(
      "add pending",
      owner.hosting.v1.studios[":studioId"].domains.$post({ param: { studioId: studio.studioId }, json: { hostname: pending } }),
      201,
    );

    for (const host of [subdomain(studio.slug), own]) {
      const home = await visit(host, "/");
      expect([host, home.status]).toEqual([host, 200]);
      expect(home.body).toContain("Hosted Music");
      const join = await visit(host, "/join");
      expect([host, join.status]).toEqual([host, 200]);
      expect(join.body).toContain("Hosted Music");
      // The studio's own links (`/<slug>/…`) work there too.
      expect((await visit(host, `/${studio.slug}/join`)).status).toBe(200);
      // A page the studio hasn't: its 404, still the studio's.
      const missing = await visit(host, "/no-such-page");
      expect([missing.status, missing.body.includes("Hosted Music")]).toEqual([404, true]);
      // Signing in and the workspace live at the site's address, never at a studio's host.
      const login = await visit(host, "/login?next=%2Fdashboard");
      expect([login.status, login.location]).toEqual([302, `${site.webUrl}/login?next=%2Fdashboard`]);
    }

    // Unknown, pending and the platform's own hosts: the site as usual.
    const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
    const siteTitle = titleOf((await visit(new URL(site.webUrl).hostname, "/")).body);
    expect(siteTitle).toBeTruthy();
    for (const host of [`nobody-${studio.slug}.example.com`, pending, "studiosync.localhost", "www.studiosync.localhost"]) {
      const res = await visit(host, "/");
      expect([host, res.status, titleOf(res.body)]).toEqual([host, 200, siteTitle]);
    }
    const unknownStudio = await visit(`nobody-${studio.slug}.studiosync.localhost`, "/");
    expect([unknownStudio.status, titleOf(unknownStudio.body)]).toEqual([200, siteTitle]);
  });

  it("after a rename, the old slug's subdomain and path answer 301 to the new address, and a custom domain follows", async () => {
    const studio = await seedStudio(site.apiUrl, "Moving Music");
    const owner = await ownerApi(studio.email);
    const own = `${studio.slug}.example.com`;
    await verifiedDomain(owner, studio.studioId, own);
    // Both hosts seen before the move: the site keeps their answers (the old slug) for a minute.
    expect((await visit(subdomain(studio.slug), "/")).status).toBe(200);
    expect((await visit(own, "/")).status).toBe(200);

    const newSlug = `${studio.slug}-moved`;
    await expectStatus("rename", owner.app.v1.studios[":studioId"].$patch({ param: { studioId: studio.studioId }, json: { slug: newSlug } }), 200);

    // The site's own address: /<old>/… → /<new>/…
    const path = await visit(new URL(site.webUrl).hostname, `/${studio.slug}/join?from=card`);
    expect([path.status, path.location]).toEqual([301, `/${newSlug}/join?from=card`]);

    // The old subdomain, with the old answer still kept: the studio's page says it moved.
    const stale = await visit(subdomain(studio.slug), "/join?from=card");
    expect([stale.status, stale.location]).toEqual([301, `http://${subdomain(newSlug)}:${port()}/join?from=card`]);
    // Asked again (the kept answer dropped): the API names the new slug.
    const fresh = await visit(subdomain(studio.slug), "/");
    expect([fresh.status, fresh.location]).toEqual([301, `http://${subdomain(newSlug)}:${port()}/`]);
    const moved = await visit(subdomain(newSlug), "/join?from=card");
    expect([moved.status, moved.body.includes("Moving Music")]).toEqual([200, true]);

    // The custom domain stays the studio's: one redirect to the same path there, then served.
    const custom = await visit(own, "/join");
    expect([custom.status, custom.location]).toEqual([301, "/join"]);
    const again = await visit(own, "/join");
    expect([again.status, again.body.includes("Moving Music")]).toEqual([200, true]);
  });
});
