import { randomUUID } from "node:crypto";
import { ensureStaffLogin, setPlatformOperator } from "@studiosync/core/operators";
import { readMail } from "@studiosync/local/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BrowserSessions } from "./support/browser-sessions";
import { PASSWORD, seedStudio } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * The platform operators' console: an operator (a login of StudioSync's own, in no studio) signs in
 * and lands on /platform, finds a studio by the words of its name, suspends it with a reason on its
 * confirmation page (the owner's workspace turns read-only and the owner is emailed why), lifts the
 * suspension, and finds both in the audit log. A studio's owner is shown the 403 page there.
 */
let site: Site;
let sessions: BrowserSessions;
let studio: Awaited<ReturnType<typeof seedStudio>>;
const operatorEmail = `ops-${randomUUID().slice(0, 8)}@example.com`;
const studioName = `Harbour Harps ${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  studio = await seedStudio(site.apiUrl, studioName);
  await ensureStaffLogin({ email: operatorEmail, name: "Olga Operator", password: PASSWORD });
  await setPlatformOperator(operatorEmail, true, "cli:test");
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("the platform operators' console", { timeout: 150_000 }, () => {
  it("an operator finds a studio, suspends it with a reason and lifts the suspension", async () => {
    // A login in no studio lands on the console from the dashboard.
    const page = await sessions.signIn(operatorEmail, "/dashboard").catch(async () => sessions.lastPage!);
    await page.waitForURL((url) => url.pathname === "/platform");
    await page.getByRole("heading", { name: "Studios", level: 1 }).waitFor();
    await sessions.expectAccessible(page);

    await page.getByLabel("Find a studio").fill(studioName.toLowerCase());
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByRole("row", { name: new RegExp(studioName) });
    await row.getByText("Active").waitFor();
    await row.getByText(studio.email).waitFor();
    await row.getByRole("link", { name: studioName }).click();
    await page.getByRole("heading", { name: studioName, level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Usage, last 12 months" }).waitFor();
    await page.getByRole("region", { name: "StudioSync invoices" }).or(page.getByText("No invoices yet")).first().waitFor();
    await sessions.expectAccessible(page);

    // Suspend: its own page says what happens, and the reason is required.
    await page.getByRole("link", { name: "Suspend studio" }).click();
    await page.getByRole("heading", { name: `Suspend ${studioName}?` }).waitFor();
    await page.getByText(studio.email).waitFor();
    await sessions.expectAccessible(page);
    await page.getByLabel(/^Why/).fill("Payment disputes under review");
    await page.getByRole("button", { name: `Suspend ${studioName}` }).click();
    await page.getByText(`${studioName} is suspended: its workspace is read-only`).waitFor();
    await page.locator(".status .badge", { hasText: "Suspended" }).waitFor();
    await page.getByRole("row", { name: /Suspended the studio.*Payment disputes under review/ }).waitFor();

    // The owner is told why, and their workspace says it is read-only.
    const [mail] = await readMail(studio.email, { subject: "is suspended on StudioSync" });
    expect(mail!.body.text).toContain("Payment disputes under review");
    const owner = await sessions.signIn(studio.email, `/dashboard/studios/${studio.studioId}/settings`);
    await owner.getByText(`${studioName} is suspended by StudioSync.`).waitFor();
    // The console is not theirs.
    await owner.goto(`${site.webUrl}/platform`);
    await owner.getByRole("heading", { name: "This page isn't available to you" }).waitFor();

    // Lift it, confirmed on its own page.
    await page.getByRole("link", { name: "Lift the suspension" }).click();
    await page.getByRole("heading", { name: `Lift the suspension of ${studioName}?` }).waitFor();
    await sessions.expectAccessible(page);
    await page.getByLabel("Note for the audit log").fill("Disputes settled");
    await page.getByRole("button", { name: "Lift the suspension" }).click();
    await page.getByText(`The suspension is lifted: ${studioName} works as before`).waitFor();
    await page.locator(".status .badge", { hasText: "Active" }).waitFor();
    await readMail(studio.email, { subject: "is active again on StudioSync" });

    // The audit log lists both, newest first; the month's invoices page answers.
    await page.getByRole("navigation", { name: "Platform" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    const rows = page.getByRole("row", { name: new RegExp(studioName) });
    await expect(rows.nth(0).innerText()).resolves.toContain("Lifted the suspension");
    await expect(rows.nth(1).innerText()).resolves.toContain("Payment disputes under review");
    await sessions.expectAccessible(page);
    await page.getByRole("navigation", { name: "Platform" }).getByRole("link", { name: "Invoices" }).click();
    await page.getByRole("heading", { name: /^Invoices for / }).waitFor();
    await sessions.expectAccessible(page);
  });
});
