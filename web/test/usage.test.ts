import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hc } from "hono/client";
import { localParts, zonedInstant } from "@studiosync/core/kernel";
import type { AppType, HostingAppType } from "@studiosync/functions";
import { monthLabel } from "../src/lib/usage";
import { BrowserSessions, signInApi } from "./support/browser-sessions";
import { expectStatus, PASSWORD, seedStudio } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * Usage and billing (Settings): the owner of a studio with one student booked this month opens the
 * usage page from the Settings tabs, sees this month's counters and the bill so far, opens the
 * active students behind the counter and finds the student named there; a list that doesn't exist
 * says so with the API's 422.
 */
const ZONE = "Europe/London";
let site: Site;
let sessions: BrowserSessions;
let ownerEmail = "";
let base = "";
const month = localParts(new Date(), ZONE).date.slice(0, 7);
const monthWords = monthLabel(month);

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Riverside Music");
  ownerEmail = studio.email;
  const studioId = studio.studioId;
  base = `/dashboard/studios/${studioId}`;
  const owner = await signInApi(site.apiUrl, studio.email);
  const param = { studioId };
  const s = owner.v1.studios[":studioId"];
  const teacher = await (await expectStatus("teacher", s.teachers.$post({ param, json: { firstName: "Tess", lastName: "Tutor" } }), 201)).json();
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "21:00" }));
  await expectStatus("hours", s.availability[":teacherId"].$put({ param: { studioId, teacherId: teacher.id }, json: { weeklyHours: everyDay } }), 200);
  const ana = await (
    await expectStatus("student", s.students.$post({ param, json: { firstName: "Ana", lastName: "Rivera", primaryTeacherId: teacher.id } }), 201)
  ).json();
  // A lesson today, in the studio's zone: Ana is an active student this month (held or still to be held).
  const scheduledStart = zonedInstant(localParts(new Date(), ZONE).date, "12:00", ZONE).toISOString();
  await expectStatus(
    "lesson",
    s.lessons.$post({ param, json: { teacherId: teacher.id, studentId: ana.id, type: "private", durationMinutes: 30, scheduledStart } }),
    201,
  );

  // The table stream's metering consumer counts her a moment after the booking.
  const login = await expectStatus("login", hc<AppType>(site.apiUrl).v1.auth.login.$post({ json: { email: ownerEmail, password: PASSWORD } }), 200);
  const hosting = hc<HostingAppType>(site.apiUrl, { headers: { authorization: `Bearer ${(await login.json()).accessToken}` } });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const usage = await (await expectStatus("usage", hosting.v1.studios[":studioId"].usage.$get({ param }), 200)).json();
    if (usage.current.activeStudents === 1) break;
    if (Date.now() > deadline) throw new Error(`Ana was not counted as active: ${JSON.stringify(usage.current)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("usage and billing", { timeout: 120_000 }, () => {
  it("the owner sees this month's counters and bill, and the active students behind the counter", async () => {
    const page = await sessions.signIn(ownerEmail, `${base}/settings`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Usage and billing" }).click();
    await page.getByRole("heading", { name: `This month so far: ${monthWords}` }).waitFor();

    const students = page.locator(".stat", { hasText: "Active students" });
    await expect(students.locator(".value").innerText()).resolves.toBe("1");
    await expect(page.locator(".stat", { hasText: "Lessons held" }).locator(".value").innerText()).resolves.toBe("0");
    await page.locator(".stat", { hasText: "Storage" }).getByText("GB-month").waitFor();

    // One student is within the free allowance: nothing to pay, and the price said in words.
    const bill = page.getByRole("region", { name: "The bill so far" });
    await bill.getByRole("row", { name: /Active students/ }).waitFor();
    await bill
      .getByRole("row", { name: /Total so far/ })
      .getByText(/0\.00/)
      .waitFor();
    await bill.getByRole("row", { name: /Projected for the month/ }).waitFor();
    await bill.getByText(/active students, 500 emails and 1 GB-month of storage are free/).waitFor();
    await page
      .getByRole("region", { name: "Last 12 months" })
      .getByRole("link", { name: `${monthWords}: 1 active student` })
      .waitFor();
    await sessions.expectAccessible(page);

    await students.getByRole("link", { name: "1" }).click();
    await page.getByRole("heading", { name: `Active students — ${monthWords}`, level: 1 }).waitFor();
    await page
      .getByRole("navigation", { name: `Usage in ${monthWords}` })
      .getByRole("link", { name: "Emails sent" })
      .waitFor();
    await page
      .getByRole("row", { name: /Ana Rivera/ })
      .getByRole("link", { name: "Ana Rivera" })
      .waitFor();
    await sessions.expectAccessible(page);

    await page.getByRole("link", { name: "← Usage and billing" }).click();
    await page.getByRole("heading", { name: `This month so far: ${monthWords}` }).waitFor();
  });

  it("a month's list that doesn't exist says so, with the API's status", async () => {
    const page = await sessions.signIn(ownerEmail, `${base}/settings/usage`);
    const answer = await page.goto(`${site.webUrl}${base}/settings/usage/${month}/pupils`);
    expect(answer?.status()).toBe(422);
    await page.getByText("This usage list doesn't exist.").waitFor();
    await page
      .getByRole("navigation", { name: `Usage in ${monthWords}` })
      .getByRole("link", { name: "Active students" })
      .click();
    await page.getByRole("heading", { name: `Active students — ${monthWords}`, level: 1 }).waitFor();
  });
});
