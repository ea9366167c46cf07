import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { BrowserSessions, signInApi } from "./support/browser-sessions";
import { PASSWORD, seedFamilyWithParent, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * The notification centre in the browser: an announcement emailed to a parent rings the bell in
 * their portal; the centre lists it unread, opening it follows it and marks it read; the parent
 * then chooses, per type, a daily digest instead of each email and what stays out of the app.
 */
let site: Site;
let sessions: BrowserSessions;
let studioId = "";
let ownerEmail = "";
const parent = { email: uniqueOwner("bell-parent").email.toLowerCase() };

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Bell Hall");
  studioId = studio.studioId;
  ownerEmail = studio.email;
  const owner = await signInApi(site.apiUrl, studio.email);
  await seedFamilyWithParent(site.apiUrl, owner, studioId, { surname: "Adeyemi", parent: "Bola", child: "Tobi", email: parent.email });
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

/** The owner announces something to all families through the API (the announcements have their own client). */
async function announce(subject: string) {
  const login = await fetch(`${site.apiUrl}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ownerEmail, password: PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${site.apiUrl}/v1/studios/${studioId}/announcements`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ subject, body: "The studio is closed on Monday for the bank holiday.", audience: { kind: "families" } }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

/** The stream consumer files the notice next to sending the email: the bell shows it once it has. */
async function bellRings(page: Page, label: string) {
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.locator("a.bell").getAttribute("aria-label");
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(label);
}

describe("the notification centre", { timeout: 240_000 }, () => {
  it("rings the parent's bell, lists the notice unread, opens it and marks it read", async () => {
    await announce("Closed on Monday");
    await readMail(parent.email, { subject: "Closed on Monday" });
    const home = await sessions.signIn(parent.email, `/portal/studios/${studioId}`);
    await bellRings(home, "Notifications, 1 unread");
    await sessions.expectAccessible(home);

    await home.locator("a.bell").click();
    await home.getByRole("heading", { name: "Notifications" }).waitFor();
    await home.getByText("1 unread.").waitFor();
    const item = home.locator(".notices li.unread");
    expect(await item.innerText()).toContain("Closed on Monday");
    expect(await item.innerText()).toContain("Bell Hall");
    await sessions.expectAccessible(home);

    await Promise.all([home.waitForURL(/\/announcements\//), home.getByRole("button", { name: "Open: Closed on Monday" }).click()]);
    await home.getByRole("heading", { name: "Closed on Monday" }).waitFor();
    expect(await home.locator("a.bell").getAttribute("aria-label")).toBe("Notifications");
    await home.goto(`${site.webUrl}/notifications`);
    await home.getByText("You're all caught up.").waitFor();
    expect(await home.locator(".notices li.read").count()).toBe(1);
  });

  it("lets the parent choose a daily digest and what stays out of the app, per type; essential mail stays on", async () => {
    const page = await sessions.signIn(parent.email, "/account/notifications");
    await page.getByRole("heading", { name: "Notification settings" }).waitFor();
    const row = (name: string) => page.getByRole("row", { name: new RegExp(`^${name}`) });
    expect(await row("Invoices and payments").innerText()).toContain("Always, as it happens");
    await row("Announcements").getByRole("combobox").selectOption("digest");
    await row("Lesson reminders").getByRole("checkbox").uncheck();
    await sessions.expectAccessible(page);
    await Promise.all([page.waitForURL(/saved=/), page.getByRole("button", { name: "Save Bell Hall" }).click()]);
    await page.getByText("Your choices for Bell Hall are saved.").waitFor();
    expect(await row("Announcements").getByRole("combobox").inputValue()).toBe("digest");
    expect(await row("Lesson reminders").getByRole("checkbox").isChecked()).toBe(false);
    expect(await row("New messages").getByRole("checkbox").isChecked()).toBe(true);

    // An announcement now waits for the digest: no email of its own, but the bell still rings.
    await announce("Recital tickets");
    const home = await sessions.signIn(parent.email, `/portal/studios/${studioId}`);
    await bellRings(home, "Notifications, 1 unread");
    expect(await readMail(parent.email, { subject: "Recital tickets", count: 0 })).toEqual([]);
  });
});
