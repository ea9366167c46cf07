import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computedStyle, loadedImageWidth } from "./support/dom";
import { startSite, type Site } from "./support/site";
import { BRANDING, seedStudio } from "./support/seed";

let site: Site;
let seeded: Awaited<ReturnType<typeof seedStudio>>;

beforeAll(async () => {
  site = await startSite();
  seeded = await seedStudio(site.apiUrl);
});

afterAll(async () => {
  await site?.stop();
});

describe("a studio's public page", () => {
  it("shows the studio's name, description, contact details, logo and theme colour", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${site.webUrl}/${seeded.slug}`);
    expect(response?.status()).toBe(200);

    await expect(page.locator("h1").textContent()).resolves.toBe(seeded.studioName);
    await expect(page.title()).resolves.toContain(seeded.studioName);
    await expect(page.getByText(BRANDING.description).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("link", { name: BRANDING.email }).getAttribute("href")).resolves.toBe(`mailto:${BRANDING.email}`);
    await expect(page.getByRole("link", { name: BRANDING.phone }).getAttribute("href")).resolves.toBe("tel:+441174960123");
    await expect(page.getByRole("link", { name: "riverside-music.example.com", exact: true }).getAttribute("href")).resolves.toBe(`${BRANDING.website}/`);
    const address = await page.locator("address").innerText();
    for (const part of [BRANDING.address, "Bristol, Avon BS1 4DJ", "United Kingdom"]) expect(address).toContain(part);
    await expect(page.getByText("Europe/London").isVisible()).resolves.toBe(true);

    const logo = page.getByRole("img", { name: `${seeded.studioName} logo` });
    await expect(loadedImageWidth(logo)).resolves.toBe(48);

    // #0f766e is the studio's theme colour: the banner wears it, with white text for contrast.
    const banner = page.locator("header.banner");
    await expect(computedStyle(banner, "background-color")).resolves.toBe("rgb(15, 118, 110)");
    await expect(computedStyle(banner, "color")).resolves.toBe("rgb(255, 255, 255)");

    const screenshot = join(tmpdir(), "studiosync-public-page.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    console.info(`public page screenshot: ${screenshot}`);
    await context.close();
  });

  it("works with JavaScript disabled", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${site.webUrl}/${seeded.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe(seeded.studioName);
    await expect(page.getByText(BRANDING.description).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("link", { name: BRANDING.email }).getAttribute("href")).resolves.toBe(`mailto:${BRANDING.email}`);
    await expect(page.getByRole("img", { name: `${seeded.studioName} logo` }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("answers an unknown studio with a real 404 page", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${site.webUrl}/no-such-studio-${Date.now()}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Page not found");
    await expect(page.getByText("There is no studio at").isVisible()).resolves.toBe(true);

    const deeper = await page.goto(`${site.webUrl}/not/a/page`);
    expect(deeper?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Page not found");
    await context.close();
  });

  it("refuses form posts from other sites and cannot be framed", async () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const crossSite = await fetch(`${site.webUrl}/login`, {
      method: "POST",
      headers: { ...form, origin: "https://attacker.example" },
      body: "email=a%40example.com&password=x",
    });
    expect(crossSite.status).toBe(403);
    const page = await fetch(`${site.webUrl}/${seeded.slug}`);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
