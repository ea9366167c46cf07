import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { AppType } from "@studiosync/functions";
import { hc } from "hono/client";
import { seriousViolations } from "./support/axe";
import { expectStatus, PASSWORD, seedStudio } from "./support/seed";
import { startSite, type Site } from "./support/site";

/**
 * The owner closes the workspace's last gaps: a deleted student found under Deleted and restored,
 * a student taken off a fee plan and the plan deleted, a recurring series deleted, and a calendar
 * subscription made, fetched as iCal and revoked; axe on every new or changed page.
 */
type Client = ReturnType<typeof hc<AppType>>;
let site: Site;
let studio: Awaited<ReturnType<typeof seedStudio>>;
let base: string;
let context: BrowserContext;
let page: Page;
const world = {} as { teacherId: string; studentId: string; goneId: string; planId: string; patternId: string };

const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  site = await startSite();
  studio = await seedStudio(site.apiUrl, "Gap Music");
  const login = await expectStatus("login", hc<AppType>(site.apiUrl).v1.auth.login.$post({ json: { email: studio.email, password: PASSWORD } }), 200);
  const owner: Client = hc<AppType>(site.apiUrl, { headers: { authorization: `Bearer ${(await login.json()).accessToken}` } });
  base = `${site.webUrl}/dashboard/studios/${studio.studioId}`;
  const param = { studioId: studio.studioId };
  const created = async (what: string, request: Promise<{ status: number; text(): Promise<string> }>) => {
    const res = await request;
    const body = await res.text();
    if (res.status !== 201) throw new Error(`${what} answered ${res.status}: ${body}`);
    return JSON.parse(body) as { id: string };
  };

  const teacher = await created("teacher", owner.v1.studios[":studioId"].teachers.$post({ param, json: { firstName: "Tara", lastName: "Tuner" } }));
  const [student, gone, plan] = await Promise.all([
    created("student", owner.v1.studios[":studioId"].students.$post({ param, json: { firstName: "Mia", lastName: "Minor", primaryTeacherId: teacher.id } })),
    created("gone", owner.v1.studios[":studioId"].students.$post({ param, json: { firstName: "Owen", lastName: "Outgoing", instrument: "drums" } })),
    created("plan", owner.v1.studios[":studioId"]["fee-plans"].$post({ param, json: { name: "Weekly guitar", kind: "per_lesson", amountMinor: 3000 } })),
  ]);
  await created(
    "enrol",
    owner.v1.studios[":studioId"]["fee-plans"][":feePlanId"].enrolments.$post({
      param: { ...param, feePlanId: plan.id },
      json: { studentId: student.id, startDate: dateIn(0) },
    }),
  );
  await created(
    "lesson",
    owner.v1.studios[":studioId"].lessons.$post({
      param,
      json: { teacherId: teacher.id, studentId: student.id, type: "private", durationMinutes: 45, scheduledStart: `${dateIn(5)}T10:00:00.000Z` },
    }),
  );
  const pattern = await created(
    "pattern",
    owner.v1.studios[":studioId"]["recurring-patterns"].$post({
      param,
      json: { teacherId: teacher.id, studentId: student.id, frequency: "weekly", startDate: dateIn(1), startTime: "16:00", durationMinutes: 30 },
    }),
  );
  Object.assign(world, { teacherId: teacher.id, studentId: student.id, goneId: gone.id, planId: plan.id, patternId: pattern.id });

  context = await site.browser.newContext();
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await page.goto(`${site.webUrl}/login?next=${encodeURIComponent(new URL(base).pathname)}`);
  await page.getByLabel("Email").fill(studio.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(base);
});

afterAll(async () => {
  await context?.close();
  await site?.stop();
});

async function visit(path: string) {
  const response = await page.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
  expect(await seriousViolations(page), path).toEqual([]);
}

describe("the owner closes the workspace's gaps", () => {
  it("deletes a student, finds them under Deleted and restores them", async () => {
    await visit(`/people/students/${world.goneId}/delete`);
    await page.getByRole("button", { name: "Delete Owen Outgoing" }).click();
    await page.getByText("The student was deleted").waitFor();
    await page.getByRole("link", { name: "Deleted", exact: true }).click();
    await page.waitForURL(/show=deleted/);
    expect(await seriousViolations(page)).toEqual([]);
    await expect(page.getByRole("cell", { name: "Owen Outgoing", exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("cell", { name: "Mia Minor", exact: true }).count()).resolves.toBe(0);
    for (const kind of ["families", "teachers", "bands"]) await visit(`/people/${kind}?show=deleted`);
    await visit("/people/students?show=deleted");
    await page.getByRole("button", { name: "Restore Owen Outgoing" }).click();
    await page.getByText("Restored: back in the lists.").waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(`${base}/people/students/${world.goneId}`).pathname);
    await visit("/people/students?show=deleted");
    await page.getByText("No deleted students").waitFor();
  });

  it("takes a student off a fee plan, then deletes the plan", async () => {
    const plan = `/billing/fee-plans/${world.planId}`;
    await visit(plan);
    await visit(`${plan}/delete`);
    await expect(page.getByRole("heading", { name: "This plan can't be deleted" }).isVisible()).resolves.toBe(true);
    await page.getByRole("link", { name: "Back to the plan" }).click();
    await page.getByRole("link", { name: "Take Mia Minor off the plan" }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Take off the plan" }).click();
    await page.getByText("Student taken off the plan.").waitFor();
    await page.getByRole("link", { name: "Delete plan" }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Delete plan" }).click();
    await page.getByText("Fee plan deleted.").waitFor();
    await expect(page.getByRole("link", { name: "Weekly guitar" }).count()).resolves.toBe(0);
  });

  it("deletes a recurring series after saying what happens to its lessons", async () => {
    await visit(`/scheduling/patterns/${world.patternId}`);
    await page.getByRole("link", { name: "Delete the series" }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await expect(page.getByText(/^\d+ coming lessons are removed from the calendar\.$/).isVisible()).resolves.toBe(true);
    await page.getByRole("button", { name: "Delete the series" }).click();
    await page.getByText("Series deleted: no more lessons from today.").waitFor();
    await expect(page.getByText("Ended", { exact: true }).isVisible()).resolves.toBe(true);
  });

  it("makes a calendar subscription that serves the lessons as iCal, and revokes it", async () => {
    await visit("/calendar");
    await page.getByRole("link", { name: "Subscribe" }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Whose lessons").selectOption({ label: "Teacher: Tara Tuner" });
    await page.locator("#field-label").fill("Phone calendar");
    await page.getByRole("button", { name: "Make a subscription address" }).click();
    await page.getByRole("heading", { name: "Your new subscription address" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const url = await page.locator("#feed-https").inputValue();
    expect(await page.locator("#feed-webcal").inputValue()).toBe(url.replace(/^https?:\/\//, "webcal://"));
    await page.reload();
    await page.getByText("Its address is shown only once").waitFor();
    await expect(page.locator("#feed-https").count()).resolves.toBe(0);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const ics = await feed.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("Mia Minor");

    await page.getByRole("link", { name: "Revoke Phone calendar" }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Revoke" }).click();
    await page.getByText("Subscription revoked").waitFor();
    await page.getByText("No subscriptions yet").waitFor();
    expect((await fetch(url)).status).toBe(404);
  });
});
