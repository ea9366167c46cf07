import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, sentInvoice } from "./support/invoice";
import { emailedLink, PASSWORD, seedStudio, uniqueOwner, verificationLink } from "./support/seed";
import { startSite, type Site } from "./support/site";
import { readMail } from "@studiosync/local/testing";

/** What a first visit found (issue 11), each fixed and kept fixed. */
let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

async function newPage(options: { viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext(options);
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

const api = (token: string | undefined, method: string, path: string, body: unknown, status: number) => apiCall(site.apiUrl, token, method, path, body, status);
const ownerToken = async (email: string) => (await api(undefined, "POST", "/v1/auth/login", { email, password: PASSWORD }, 200)).accessToken as string;
const manual = (path: string) => fetch(`${site.webUrl}${path}`, { redirect: "manual" });

async function signIn(page: Page, email: string) {
  await page.goto(`${site.webUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/dashboard"));
}

describe("success pages", () => {
  it("verifying an email lands on a page that says so; reloading it still says so", async () => {
    const { email, slug } = uniqueOwner("verify");
    await api(
      undefined,
      "POST",
      "/v1/auth/signup",
      { email, password: PASSWORD, name: "Vi Verify", studioName: "Verify Music", slug, timeZone: "Europe/London", currency: "GBP" },
      202,
    );
    const { context, page } = await newPage();
    await page.goto(await verificationLink(email));
    await page.getByRole("button", { name: "Verify my email" }).click();
    await page.waitForURL(`${site.webUrl}/verify-email?verified=1`);
    const reloaded = await page.reload();
    expect(reloaded?.status()).toBe(200);
    await page.getByText("Your email is verified.").waitFor();
    await expect(page.getByText("can't be used").count()).resolves.toBe(0);
    await context.close();
  });

  it("a used reset link says so before the form; the changed page survives a reload", async () => {
    const studio = await seedStudio(site.apiUrl, "Reset Music");
    await api(undefined, "POST", "/v1/auth/forgot-password", { email: studio.email }, 202);
    const link = await emailedLink(studio.email, "/reset-password");
    const { context, page } = await newPage();
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Confirm new password").fill(PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL(`${site.webUrl}/reset-password?changed=1`);
    await page.reload();
    await page.getByText("Your password has been changed.").waitFor();

    await page.goto(link);
    await page.getByText("This link was already used.").waitFor();
    await expect(page.getByLabel("New password", { exact: true }).count()).resolves.toBe(0);
    await context.close();
  });

  it("a join request is sent once: reloading the thank-you page sends nothing", async () => {
    const studio = await seedStudio(site.apiUrl, "Join Music");
    const { context, page } = await newPage();
    await page.goto(`${site.webUrl}/${studio.slug}/join`);
    await page.getByLabel("First name").fill("Jo");
    await page.getByLabel("Last name").fill("Joiner");
    const joiner = uniqueOwner("joiner").email;
    await page.getByLabel("Email").fill(joiner);
    await page.getByRole("button", { name: "Send request" }).click();
    await page.waitForURL(`${site.webUrl}/${studio.slug}/join?sent=1`);
    await page.reload();
    await page.getByText("Thanks — your request is with the studio.").waitFor();
    const token = await ownerToken(studio.email);
    const { items } = await api(token, "GET", `/v1/studios/${studio.studioId}/access-requests`, undefined, 200);
    expect(items).toHaveLength(1);
    // Both emails, once: the joiner's confirmation and the owner's link to the request in the workspace.
    expect(await readMail(joiner, { subject: "We received your request" })).toHaveLength(1);
    const review = await emailedLink(studio.email, `/dashboard/studios/${studio.studioId}/requests/access/`);
    expect(new URL(review).pathname).toBe(`/dashboard/studios/${studio.studioId}/requests/access/${items[0].id}`);
    await context.close();
  });
});

describe("studio settings", () => {
  it("takes www.example.com as the website, says the old address will redirect, and keeps it redirecting", async () => {
    const studio = await seedStudio(site.apiUrl, "Rename Music");
    const { context, page } = await newPage();
    await signIn(page, studio.email);
    await page.goto(`${site.webUrl}/dashboard/studios/${studio.studioId}/settings`);
    const website = page.getByLabel("Website");
    await expect(website.getAttribute("type")).resolves.toBe("text");
    await expect(page.getByText("the old address redirects to the new one").isVisible()).resolves.toBe(true);

    const newSlug = `${studio.slug}-new`;
    await website.fill("www.example.com");
    await page.getByLabel("Studio address").fill(newSlug);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Your changes are saved.").waitFor();
    await expect(page.getByLabel("Website").inputValue()).resolves.toBe("https://www.example.com");
    await context.close();

    const old = await manual(`/${studio.slug}?from=card`);
    expect([old.status, old.headers.get("location")]).toEqual([301, `/${newSlug}?from=card`]);
    const join = await manual(`/${studio.slug}/join`);
    expect([join.status, join.headers.get("location")]).toEqual([301, `/${newSlug}/join`]);
    const deeper = await manual(`/${studio.slug}/no-such-page`);
    expect([deeper.status, deeper.headers.get("location")]).toEqual([301, `/${newSlug}/no-such-page`]);
    expect((await fetch(`${site.webUrl}/${studio.slug}`)).url).toBe(`${site.webUrl}/${newSlug}`);
  });
});

describe("public pages wear the studio's brand", () => {
  it("has the studio's header, favicon and Open Graph data, no StudioSync sign-up, and a small powered-by", async () => {
    const studio = await seedStudio(site.apiUrl, "Brand Music");
    const { context, page } = await newPage();
    for (const path of [`/${studio.slug}`, `/${studio.slug}/join`]) {
      await page.goto(`${site.webUrl}${path}`);
      await expect(page.getByRole("link", { name: /sign (in|up)/i }).count()).resolves.toBe(0);
      await expect(page.locator("header.studio-header").innerText()).resolves.toContain("Brand Music");
      const icon = await page.locator("link[rel=icon]").getAttribute("href");
      expect(icon).toMatch(/logo/);
      await expect(page.locator('meta[property="og:image"]').getAttribute("content")).resolves.toBe(icon);
      await expect(page.locator('meta[property="og:title"]').getAttribute("content")).resolves.toContain("Brand Music");
      await expect(page.locator('meta[property="og:url"]').getAttribute("content")).resolves.toBe(`${site.webUrl}${path}`);
      await expect(page.locator("footer").innerText()).resolves.toBe("Powered by StudioSync");
    }
    await expect(page.locator('meta[property="og:description"]').count()).resolves.toBe(1);

    // The invitation a studio emails opens on a page in the studio's colours too.
    const invitee = uniqueOwner("invitee").email;
    await api(await ownerToken(studio.email), "POST", `/v1/studios/${studio.studioId}/invitations`, { email: invitee, role: "admin" }, 201);
    await page.goto(await emailedLink(invitee, "/invitations/accept"));
    await page.getByRole("heading", { name: "Join Brand Music" }).waitFor();
    await expect(page.locator("header.studio-header").innerText()).resolves.toContain("Brand Music");
    await expect(page.getByRole("link", { name: /sign up/i }).count()).resolves.toBe(0);
    await context.close();
  });
});

describe("error pages", () => {
  it("answer 404 Not Found, and a missing page under a studio links back to it", async () => {
    const studio = await seedStudio(site.apiUrl, "Lost Music");
    const nowhere = await fetch(`${site.webUrl}/no-such-studio-${Date.now()}`);
    expect([nowhere.status, nowhere.statusText]).toEqual([404, "Not Found"]);
    const { context, page } = await newPage();
    for (const path of [`/${studio.slug}/no-such-page`, `/${studio.slug}/invoices/not-a-token`]) {
      const res = await page.goto(`${site.webUrl}${path}`);
      expect([res?.status(), res?.statusText()]).toEqual([404, "Not Found"]);
      await page.getByRole("link", { name: "Go to Lost Music's page" }).click();
      await page.waitForURL(`${site.webUrl}/${studio.slug}`);
    }
    await context.close();
  });

  it("show plain words, never the API's, and /login while signed in goes to the dashboard", async () => {
    const studio = await seedStudio(site.apiUrl, "Words Music");
    const { context, page } = await newPage();
    await page.goto(`${site.webUrl}/${studio.slug}/join`);
    await page.getByLabel("First name").fill("Wendy");
    await page.getByLabel("Last name").fill("Words");
    await page.getByLabel("Email").fill("wendy@localhost"); // the browser accepts it, the API does not
    await page.getByRole("button", { name: "Send request" }).click();
    await page.locator("#field-email-error").waitFor();
    const text = await page.locator("main").innerText();
    expect(text).not.toContain("invalid fields");
    expect(text).not.toContain("Validation failed");

    await signIn(page, studio.email);
    const cookie = (await context.cookies(site.webUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
    const login = await fetch(`${site.webUrl}/login`, { redirect: "manual", headers: { cookie } });
    expect([login.status, login.headers.get("location")]).toEqual([303, "/dashboard"]);
    await context.close();
  });
});

describe("the invoice page on a phone", () => {
  it("shows the amount due and the Pay button on the first screen, above the lines", async () => {
    const lines = Array.from({ length: 24 }, (_, i) => ({ description: `Violin lesson ${i + 1} (30 min)`, quantity: 1, unitPriceMinor: 3000 }));
    const { link } = await sentInvoice(site.apiUrl, { stripe: true, lines });
    const { context, page } = await newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(link);
    const pay = page.getByRole("button", { name: /^Pay .* by card$/ });
    const box = await pay.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    const heading = await page.getByRole("heading", { name: /^Pay £/ }).boundingBox();
    const lines0 = await page.locator("table.lines").boundingBox();
    expect(heading!.y).toBeLessThan(lines0!.y);
    await context.close();
  });
});
