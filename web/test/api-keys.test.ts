import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BrowserSessions, signInApi } from "./support/browser-sessions";
import { acceptInvitation, expectStatus, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * API keys (Settings, owners only): the owner makes a key from the page and sees its token once;
 * the token reaches the studio's students through the API; the owner revokes it from the page
 * (after a confirmation) and the token is refused from then on. An admin opening the page reads
 * that only the owner manages keys, and has no tab for it.
 */
let site: Site;
let sessions: BrowserSessions;
let ownerEmail = "";
let adminEmail = "";
let studioId = "";
let base = "";

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Riverside Music");
  ownerEmail = studio.email;
  studioId = studio.studioId;
  base = `/dashboard/studios/${studioId}`;
  const owner = await signInApi(site.apiUrl, ownerEmail);
  adminEmail = uniqueOwner("keys-admin").email;
  await expectStatus(
    "invite admin",
    owner.v1.studios[":studioId"].invitations.$post({ param: { studioId }, header: {}, json: { email: adminEmail, role: "admin" } }),
    201,
  );
  await acceptInvitation(site.apiUrl, adminEmail, "Adam Admin");
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

/** The studio's students, asked for with `token` as the API key. */
const studentsWith = (token: string) => fetch(`${site.apiUrl}/v1/studios/${studioId}/students`, { headers: { authorization: `Bearer ${token}` } });

describe("API keys", { timeout: 120_000 }, () => {
  it("the owner makes a key, sees it once, and revokes it: the key works until then", async () => {
    const page = await sessions.signIn(ownerEmail, `${base}/settings`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }).click();
    await page.getByRole("heading", { name: "No API keys yet" }).waitFor();
    await page.getByRole("link", { name: "The API reference" }).waitFor();
    await sessions.expectAccessible(page);

    // No scope ticked: the API refuses (422) and the form keeps what was typed.
    const form = page.locator("form", { has: page.getByRole("button", { name: "Create API key" }) });
    await form.getByLabel("Name").fill("Website sync");
    await form.getByRole("checkbox", { name: /^Read/ }).uncheck();
    await form.getByLabel("Expires after (days)").fill("30");
    await form.getByRole("button", { name: "Create API key" }).click();
    await page.getByRole("link", { name: "What it may do: Choose at least one of read, write and billing." }).waitFor();
    await expect(form.getByLabel("Name").inputValue()).resolves.toBe("Website sync");
    await expect(form.getByLabel("Expires after (days)").inputValue()).resolves.toBe("30");
    await sessions.expectAccessible(page);

    await form.getByRole("checkbox", { name: /^Read/ }).check();
    await form.getByRole("checkbox", { name: /^Write/ }).check();
    const created = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `${base}/settings/api-keys`);
    await form.getByRole("button", { name: "Create API key" }).click();
    expect((await created).status()).toBe(200);
    await page.getByRole("heading", { name: "Copy this key now — it will not be shown again" }).waitFor();
    const token = await page.getByLabel("Your new API key").inputValue();
    expect(token).toMatch(/^ssk_[A-Za-z0-9_-]{16}_[A-Za-z0-9_-]{43}$/);
    const row = page.getByRole("row", { name: /Website sync/ });
    await row.getByText(`ssk_${token.slice(4, 10)}…`).waitFor();
    await row.getByText("Read and write").waitFor();
    await row.getByText("Active").waitFor();
    await row.getByText("Never").waitFor();
    await sessions.expectAccessible(page);

    // The key works as the studio's admin would, for what it may do.
    const answer = await studentsWith(token);
    expect(answer.status, await answer.clone().text()).toBe(200);
    expect(((await answer.json()) as { items: unknown[] }).items).toEqual([]);

    // Shown once: the page again has no token.
    await page.goto(`${site.webUrl}${base}/settings/api-keys`);
    await expect(page.getByLabel("Your new API key").count()).resolves.toBe(0);
    await expect(page.content()).resolves.not.toContain(token);

    await page.getByRole("link", { name: "Revoke Website sync" }).click();
    await page.getByRole("heading", { name: "Revoke “Website sync”?" }).waitFor();
    await sessions.expectAccessible(page);
    await page.getByRole("button", { name: "Revoke key" }).click();
    await page.getByText("API key revoked: requests made with it are refused from now on.").waitFor();
    expect(new URL(page.url()).search).toBe("?done=revoked");
    await page
      .getByRole("row", { name: /Website sync/ })
      .getByText("Revoked")
      .waitFor();
    await expect(page.getByRole("link", { name: "Revoke Website sync" }).count()).resolves.toBe(0);

    expect((await studentsWith(token)).status).toBe(401);
  });

  it("an admin has no tab for keys, and the page says only the owner manages them", async () => {
    const page = await sessions.signIn(adminEmail, `${base}/settings/members`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Usage and billing" }).waitFor();
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }).count()).resolves.toBe(0);

    const answer = await page.goto(`${site.webUrl}${base}/settings/api-keys`);
    expect(answer?.status()).toBe(403);
    await page.getByText("Only the studio's owner can make or revoke API keys.").waitFor();
    await expect(page.getByRole("button", { name: "Create API key" }).count()).resolves.toBe(0);
    await sessions.expectAccessible(page);
  });
});
