import { Notifications } from "@studiosync/core";
import { extractLink, readMail } from "@studiosync/local/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { BrowserSessions } from "./support/browser-sessions";
import { PASSWORD, seedStudio, uniqueOwner } from "./support/seed";
import { startSite, type Site } from "./support/site";

/**
 * Account settings as a signed-in person (details, devices, password, email change from the link
 * in SES local), an email's unsubscribe page and the portal's notification choices; axe on each.
 */
let site: Site;
let sessions: BrowserSessions;
let studio: Awaited<ReturnType<typeof seedStudio>>;
const NEW_PASSWORD = "a brand new passphrase";

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  studio = await seedStudio(site.apiUrl, "Account Music");
});
afterEach((ctx) => sessions.reportFailure(ctx));
afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("account settings", { timeout: 90_000 }, () => {
  it("changes details, signs another device out, changes the password and then the email", async () => {
    const laptop = await sessions.signIn(studio.email, "/account");
    const page = await sessions.signIn(studio.email, "/account");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Phone").fill("call me maybe");
    await page.getByRole("button", { name: "Save details" }).click();
    await page.locator("#field-phone-error").waitFor();
    expect(await page.getByLabel("Phone").inputValue()).toBe("call me maybe");
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Phone").fill("+44 117 496 0000");
    await page.getByRole("button", { name: "Save details" }).click();
    await page.getByText("Your details are saved.").waitFor();
    expect(await page.getByLabel("Name").inputValue()).toBe("Ada Lovelace");

    // The seed's API sign-in, the laptop and this browser; "this device" has no sign-out button.
    const devices = page.locator(".devices li");
    expect(await devices.count()).toBe(3);
    await page.getByText("This device").waitFor();
    expect(await devices.getByRole("button", { name: /^Sign out/ }).count()).toBe(2);
    await devices.getByRole("button", { name: /^Sign out Chrome/ }).click();
    await page.getByText("That device has been signed out.").waitFor();
    expect(await devices.count()).toBe(2);
    await laptop.goto(`${site.webUrl}/account`);
    await laptop.waitForURL((url) => url.pathname === "/login");

    const password = page.locator("#password");
    await password.getByLabel("Current password").fill("not my password");
    await password.getByLabel("New password").fill(NEW_PASSWORD);
    await password.getByRole("button", { name: "Change password" }).click();
    await page.getByText("is not your current password").first().waitFor();
    await page.locator("#password").getByLabel("Current password").fill(PASSWORD);
    await page.locator("#password").getByLabel("New password").fill(NEW_PASSWORD);
    await page.locator("#password").getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your password is changed.").waitFor();
    await page.reload();
    expect(new URL(page.url()).pathname).toBe("/account");

    const newEmail = uniqueOwner("moved").email;
    const email = page.locator("#email");
    await email.getByLabel("New email address").fill(newEmail);
    await email.getByLabel("Current password").fill(NEW_PASSWORD);
    await email.getByRole("button", { name: "Send confirmation link" }).click();
    await page.getByText("Check the new address's inbox").waitFor();
    expect(await readMail(studio.email, { subject: "about to change" })).toHaveLength(1);

    const [confirm] = await readMail(newEmail, { subject: "Confirm your new email" });
    const link = extractLink(confirm!.body.text ?? "", "/account/email/confirm");
    await page.goto(link);
    await page.getByRole("button", { name: "Use this email address" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Use this email address" }).click();
    await page.getByText("Your email address is changed.").waitFor();

    await page.goto(`${site.webUrl}/login?next=%2Faccount`);
    await page.getByLabel("Email").fill(newEmail);
    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === "/account"), page.getByRole("button", { name: "Sign in" }).click()]);
    await page.getByText(`You sign in with ${newEmail.toLowerCase()}`).waitFor();
  });
});

describe("email preferences", { timeout: 60_000 }, () => {
  it("unsubscribes from an email's link only on the button, and offers to undo it", async () => {
    const family = uniqueOwner("family").email.toLowerCase();
    const link = Notifications.unsubscribeUrl({ studioId: studio.studioId, slug: studio.slug }, family, "reminders");
    const page = await sessions.newPage();
    await page.goto(link);
    await page.getByRole("heading", { name: "Lesson reminders from Account Music" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await Notifications.isOptedOut(studio.studioId, family, "reminders")).toBe(false);

    await page.getByRole("button", { name: "Unsubscribe from lesson reminders" }).click();
    await page.getByText(`Done: ${family} won't get lesson reminders`).waitFor();
    expect(await Notifications.isOptedOut(studio.studioId, family, "reminders")).toBe(true);
    await page.getByRole("button", { name: "Get lesson reminders again" }).click();
    await page.getByText("Welcome back").waitFor();
    expect(await Notifications.isOptedOut(studio.studioId, family, "reminders")).toBe(false);
  });

  it("lets a signed-in member choose which emails the studio sends them", async () => {
    const path = `/portal/studios/${studio.studioId}/notifications`;
    const owner = await seedStudio(site.apiUrl, "Portal Music");
    const page = await sessions.signIn(owner.email, `/portal/studios/${owner.studioId}/notifications`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Lesson reminders").uncheck();
    await page.getByRole("button", { name: "Save choices" }).click();
    await page.getByText("Your choices are saved.").waitFor();
    expect(await page.getByLabel("Lesson reminders").isChecked()).toBe(false);
    expect(await page.getByLabel("Free lesson slots").isChecked()).toBe(true);
    expect(await Notifications.isOptedOut(owner.studioId, owner.email, "reminders")).toBe(true);

    // Another studio's page is not found.
    const other = await page.goto(`${site.webUrl}${path}`);
    expect(other?.status()).toBe(404);
  });
});
