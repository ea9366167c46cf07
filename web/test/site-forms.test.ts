import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { PASSWORD, seedStudio } from "./support/seed";
import { startSite, type Site } from "./support/site";

/** Another origin on the same host (another port: the same *site*, so SameSite cookies go along). */
function startAttacker(targetUrl: string): Promise<{ server: Server; url: string }> {
  const html = `<!doctype html><html><body>
<form method="post" action="${targetUrl}"><input name="name" value="Pwned Studio"><button type="submit">Win a prize</button></form>
</body></html>`;
  const server = createServer((_, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(html));
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

/** One site (built server or dev server), a seeded studio, an attacker page and one browser page. */
function withSite(dev: boolean) {
  const world = {} as {
    site: Site;
    seeded: Awaited<ReturnType<typeof seedStudio>>;
    context: BrowserContext;
    page: Page;
    attacker: { server: Server; url: string };
  };
  beforeAll(async () => {
    world.site = await startSite({ dev });
    world.seeded = await seedStudio(world.site.apiUrl, "Forms Studio");
    world.attacker = await startAttacker(`${world.site.webUrl}/dashboard/studios/${world.seeded.studioId}/settings`);
    world.context = await world.site.browser.newContext();
    world.context.setDefaultTimeout(dev ? 60_000 : 10_000); // the dev server compiles each page on first use
    world.page = await world.context.newPage();
  }, 120_000);
  afterAll(async () => {
    await world.context?.close();
    await new Promise((resolve) => (world.attacker ? world.attacker.server.close(resolve) : resolve(undefined)));
    await world.site?.stop();
  });
  return world;
}

async function signIn(world: ReturnType<typeof withSite>, next?: string) {
  const { page, site, seeded } = world;
  // Signed out first: /login while signed in goes straight on to `next`.
  await world.context.clearCookies();
  await page.goto(`${site.webUrl}/login${next === undefined ? "" : `?next=${next}`}`);
  await page.getByLabel("Email").fill(seeded.email);
  await page.getByLabel("Password").fill(PASSWORD);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(`${site.webUrl}/login`)),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  return response;
}

const studioName = async (world: ReturnType<typeof withSite>) =>
  ((await (await fetch(`${world.site.apiUrl}/v1/public/studios/${world.seeded.slug}`)).json()) as { name: string }).name;

async function expectCrossOriginRefused(world: ReturnType<typeof withSite>) {
  const { page, site, seeded } = world;
  expect((await signIn(world)).status()).toBe(303);
  await page.waitForURL(`${site.webUrl}/dashboard/studios/${seeded.studioId}`);

  await page.goto(world.attacker.url);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Win a prize" }).click(),
  ]);
  expect(response.status()).toBe(403);
  expect(await studioName(world)).toBe("Forms Studio");

  // The site's own form still saves.
  await page.goto(`${site.webUrl}/dashboard/studios/${seeded.studioId}/settings`);
  await page.getByLabel("Studio name").fill("Forms Studio Renamed");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByText("Your changes are saved.").waitFor();
  expect(await studioName(world)).toBe("Forms Studio Renamed");
}

async function expectNextStaysOnSite(world: ReturnType<typeof withSite>, next: string) {
  const response = await signIn(world, next);
  expect(response.status()).toBe(303);
  const location = new URL(response.headers().location!, world.site.webUrl);
  expect(location.origin).toBe(world.site.webUrl);
  expect(location.pathname).toBe("/dashboard");
}

describe("issue 10 #15: the site's forms (built server)", () => {
  const world = withSite(false);

  it("refuses a form on another origin posting to the site, even with the session cookies", () => expectCrossOriginRefused(world));

  it.each([
    "/%09/evil.example",
    "%2F%2Fevil.example",
    "//evil.example",
    "/%5Cevil.example",
    "/%5C/evil.example",
    "https://evil.example/dashboard",
    "https:evil.example",
    "/.//evil.example",
    "%0A//evil.example",
  ])("keeps next=%s on the site", (next) => expectNextStaysOnSite(world, next));

  it("follows a next that stays on the site", async () => {
    const response = await signIn(world, encodeURIComponent(`/dashboard/studios/${world.seeded.studioId}?tab=1`));
    expect(response.headers().location).toBe(`/dashboard/studios/${world.seeded.studioId}?tab=1`);
  });
});

describe("issue 10 #15: the site's forms (astro dev, as npm start serves it)", () => {
  const world = withSite(true);

  it("refuses a form on another origin posting to the site", () => expectCrossOriginRefused(world), 120_000);

  it("keeps next=/%09/evil.example on the site", () => expectNextStaysOnSite(world, "/%09/evil.example"), 60_000);
});
