import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { AppType } from "@studiosync/functions";
import { addDays, localParts, weekdayOf } from "@studiosync/core/kernel";
import { awaitMail } from "@studiosync/local/testing";
import { hc } from "hono/client";
import { seriousViolations } from "./support/axe";
import { emailedLink, PASSWORD, seedStudio, uniqueOwner } from "./support/seed";
import { startSite, type Site } from "./support/site";

const ZONE = "Europe/London";
let site: Site;
let studio: Awaited<ReturnType<typeof seedStudio>>;
let owner: ReturnType<typeof client>;
let base: string;
const people = {} as Record<"tina" | "otto" | "ann" | "cleo" | "olly", { id: string; name: string }> & { guardianEmail: string; tinaEmail: string };

const client = (accessToken?: string) => hc<AppType>(site.apiUrl, { headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {} });
/** An API call's body, failing loudly unless it answered `status`. */
async function json(what: string, request: Promise<{ status: number; text(): Promise<string>; json(): Promise<unknown> }>, status = 201): Promise<any> {
  const res = await request;
  if (res.status !== status) throw new Error(`${what} answered ${res.status} (expected ${status}): ${await res.text()}`);
  return res.json();
}

/** The first local date after `from` on which the zone's offset differs from the day before (a DST change). */
function nextClockChange(from: string): string {
  let date = from;
  for (let i = 0; i < 400; i++) {
    const next = addDays(date, 1);
    const offset = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleString("en-GB", { timeZone: ZONE, hour: "2-digit", hour12: false });
    if (offset(next) !== offset(date)) return next;
    date = next;
  }
  throw new Error("no clock change within a year");
}

const mondayOf = (date: string) => addDays(date, 1 - weekdayOf(date));
const today = () => localParts(new Date(), ZONE).date;

async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.webUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/dashboard"));
  return page;
}

async function noSeriousViolations(page: Page, what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

/** The week grid's lesson blocks: lesson id, the local start time it shows and its row. */
const blocks = (page: Page) =>
  page.locator(".cal-lesson").evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute("data-lesson"),
      start: el.getAttribute("data-local-start"),
      row: /--start:\s*([^;]+)/.exec(el.getAttribute("style") ?? "")?.[1] ?? "",
      text: el.textContent ?? "",
      day: el.closest("section")?.getAttribute("aria-labelledby") ?? "",
    })),
  );

let tuesday: string; // the first booked date: next week's Tuesday
let dstTuesdays: [string, string]; // the Tuesdays either side of the next clock change

beforeAll(async () => {
  site = await startSite();
  studio = await seedStudio(site.apiUrl, "Calendar Music");
  const login = await json("login", client().v1.auth.login.$post({ json: { email: studio.email, password: PASSWORD } }), 200);
  owner = client(login.accessToken);
  base = `${site.webUrl}/dashboard/studios/${studio.studioId}`;
  const param = { studioId: studio.studioId };

  // Lessons must reach past the next clock change: lengthen the booking horizon to cover it.
  const change = nextClockChange(addDays(today(), 8));
  const weeks = Math.min(52, Math.ceil((Date.parse(change) - Date.parse(today())) / (7 * 86_400_000)) + 3);
  const policy = await json("policy", owner.v1.studios[":studioId"]["cancellation-policy"].$get({ param }), 200);
  const { updatedAt: _ignored, ...rules } = policy;
  await json("policy", owner.v1.studios[":studioId"]["cancellation-policy"].$put({ param, json: { ...rules, horizonWeeks: weeks } }), 200);
  tuesday = addDays(mondayOf(addDays(today(), 7)), 1);
  // The Tuesday of the week the clocks change in, and the next one.
  const before = addDays(mondayOf(change), 1);
  dstTuesdays = [before, addDays(before, 7)];

  people.tinaEmail = uniqueOwner("tina").email;
  const teacher = async (firstName: string, lastName: string, email?: string) => {
    const t = await json("teacher", owner.v1.studios[":studioId"].teachers.$post({ param, json: { firstName, lastName, ...(email ? { email } : {}) } }));
    return { id: t.id as string, name: `${firstName} ${lastName}` };
  };
  people.tina = await teacher("Tina", "Tutor", people.tinaEmail);
  people.otto = await teacher("Otto", "Other");
  const family = await json("family", owner.v1.studios[":studioId"].families.$post({ param, json: { name: "The Ables" } }));
  people.guardianEmail = uniqueOwner("guardian").email.toLowerCase();
  await json(
    "guardian",
    owner.v1.studios[":studioId"].families[":familyId"].guardians.$post({
      param: { ...param, familyId: family.id },
      json: { firstName: "Gwen", lastName: "Able", relationship: "mother", email: people.guardianEmail },
    }),
  );
  const student = async (firstName: string, lastName: string, teacherId: string, familyId?: string) => {
    const s = await json(
      "student",
      owner.v1.studios[":studioId"].students.$post({
        param,
        json: { firstName, lastName, primaryTeacherId: teacherId, ...(familyId ? { familyId } : {}) },
      }),
    );
    return { id: s.id as string, name: `${firstName} ${lastName}` };
  };
  people.ann = await student("Ann", "Able", people.tina.id, family.id);
  people.cleo = await student("Cleo", "Clash", people.tina.id);
  people.olly = await student("Olly", "Otto", people.otto.id);
  // The booking form offers the studio's rooms.
  for (const name of ["Room 1", "Room 2"]) await json(`room ${name}`, owner.v1.studios[":studioId"].rooms.$post({ param, json: { name } }));

  // Otto's lesson the same Tuesday: the owner sees it, Tina never does.
  const [y, m, d] = tuesday.split("-").map(Number) as [number, number, number];
  const ottoStart = new Date(Date.UTC(y, m - 1, d, 10, 0)).toISOString();
  await json(
    "otto's lesson",
    owner.v1.studios[":studioId"].lessons.$post({
      param,
      json: { teacherId: people.otto.id, studentId: people.olly.id, type: "private", scheduledStart: ottoStart, durationMinutes: 30 },
    }),
  );

  // Tina joins by invitation (accepted through the API) so she can sign in.
  await json(
    "invite",
    owner.v1.studios[":studioId"].invitations.$post({ param, header: {}, json: { email: people.tinaEmail, role: "teacher", teacherId: people.tina.id } }),
  );
  const token = new URL(await emailedLink(people.tinaEmail, "/invitations/accept")).searchParams.get("token")!;
  await json("accept", client().v1.public.invitations.accept.$post({ json: { token, name: "Tina Tutor", password: PASSWORD } }), 200);
}, 120_000);

afterAll(async () => {
  await site?.stop();
});

describe("the owner's calendar", () => {
  let context: BrowserContext;
  let page: Page;
  let firstLessonId: string;

  beforeAll(async () => {
    context = await site.browser.newContext();
    context.setDefaultTimeout(20_000);
    page = await signIn(context, studio.email);
  });
  afterAll(async () => context?.close());

  it("books a weekly lesson from an empty slot and shows it every week, in the same row across the clock change", { timeout: 120_000 }, async () => {
    await page.goto(`${base}/calendar?view=week&date=${tuesday}&teacher=${people.tina.id}`);
    await noSeriousViolations(page, "calendar week");
    const slotName = new RegExp(`^Book .* at 16:00$`);
    const slots = page.getByRole("link", { name: slotName });
    await slots.nth(1).click(); // the week's Tuesday
    await page.waitForURL((url) => url.pathname.endsWith("/calendar/book"));
    expect(new URL(page.url()).searchParams.get("start")).toBe(`${tuesday}T16:00`);
    await expect(page.getByLabel("Teacher").inputValue()).resolves.toBe(people.tina.id);
    await expect(page.getByLabel("Date").inputValue()).resolves.toBe(tuesday);
    await expect(page.getByLabel("Start time").inputValue()).resolves.toBe("16:00");
    await noSeriousViolations(page, "booking form");

    await page.getByLabel("Student or band").selectOption(`student:${people.ann.id}`);
    await page.getByLabel("Length").selectOption("45");
    await page.getByLabel("Room").selectOption("Room 1");
    await page.getByLabel("How often").selectOption("weekly");
    await page.getByRole("button", { name: "Book the lesson" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/calendar") && url.searchParams.get("booked") === "weekly");
    await page.getByText(/Booked every week: \d+ lessons/).waitFor();

    const firstWeek = await blocks(page);
    const booked = firstWeek.find((b) => b.text.includes("Ann Able"))!;
    expect(booked).toMatchObject({ start: "16:00", day: `day-${tuesday}` });
    expect(booked.text).toContain("Room 1");
    firstLessonId = booked.id!;

    // The following weeks, through "Next week".
    for (let week = 1; week <= 2; week++) {
      await page.getByRole("link", { name: "Next week →" }).click();
      await page.waitForURL((url) => url.searchParams.get("date") === addDays(tuesday, 7 * week));
      const shown = (await blocks(page)).filter((b) => b.text.includes("Ann Able"));
      expect(shown, `week ${week}`).toEqual([expect.objectContaining({ start: "16:00", row: booked.row, day: `day-${addDays(tuesday, 7 * week)}` })]);
    }

    // Either side of the clock change the lesson stays in the 16:00 row, and the week says the clocks change.
    const rows = [];
    for (const date of dstTuesdays) {
      await page.goto(`${base}/calendar?view=week&date=${date}&teacher=${people.tina.id}`);
      const shown = (await blocks(page)).filter((b) => b.text.includes("Ann Able"));
      expect(shown, date).toEqual([expect.objectContaining({ start: "16:00", day: `day-${date}` })]);
      rows.push(shown[0]!.row);
      if (date === dstTuesdays[0]) await page.getByText("The clocks change this week").waitFor();
    }
    expect(rows[0]).toBe(rows[1]);
    expect(rows[0]).toBe(booked.row);
  });

  it("shows a clashing booking's lesson in the way, with a link, keeping what was typed", { timeout: 90_000 }, async () => {
    await page.goto(`${base}/calendar/book?start=${tuesday}T16:15&teacher=${people.tina.id}`);
    await page.getByLabel("Student or band").selectOption(`student:${people.cleo.id}`);
    await page.getByLabel("Room").selectOption("Room 2");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Book the lesson" }).click(),
    ]);
    expect(response.status()).toBe(409);
    await page.getByText("That time is taken.").waitFor();
    await expect(page.getByLabel("Student or band").inputValue()).resolves.toBe(`student:${people.cleo.id}`);
    await expect(page.getByLabel("Room").inputValue()).resolves.toBe("Room 2");
    await expect(page.getByLabel("Start time").inputValue()).resolves.toBe("16:15");
    await noSeriousViolations(page, "booking form with a conflict");
    const inTheWay = page.getByRole("link", { name: /^the lesson on / });
    expect(await inTheWay.getAttribute("href")).toBe(`/dashboard/studios/${studio.studioId}/lessons/${firstLessonId}`);
    await inTheWay.click();
    await page.getByRole("heading", { level: 1, name: "Ann Able" }).waitFor();
    await noSeriousViolations(page, "lesson page");
  });

  it("cancels a lesson after showing the policy's outcome, and the family is emailed", { timeout: 120_000 }, async () => {
    await page.goto(`${base}/lessons/${firstLessonId}`);
    await page.getByRole("link", { name: "Cancel lesson" }).click();
    await page.getByText("A make-up credit will be issued: studio cancelled.").waitFor();
    await page.getByRole("link", { name: "The family called to cancel" }).click();
    await page.getByText(/A make-up credit will be issued: \d+ hours' notice\./).waitFor();
    await noSeriousViolations(page, "cancel confirmation");
    await page.getByLabel("Reason").fill("Family holiday");
    await page.getByRole("button", { name: "Cancel the lesson" }).click();
    await page.getByText("The lesson is cancelled and the family has been emailed.").waitFor();
    await page.getByText(/A make-up credit was issued: \d+ hours' notice\./).waitFor();

    const mail = await awaitMail(people.guardianEmail, (m) => (m.subject.includes("cancelled") ? m : undefined));
    expect(mail.body.text).toContain("Family holiday");
    expect(mail.body.text).toContain("credit issued");

    await page.goto(`${base}/calendar?view=week&date=${tuesday}`);
    const cancelled = (await blocks(page)).find((b) => b.id === firstLessonId)!;
    expect(cancelled.text).toContain("Cancelled");
    expect(
      await page
        .locator(`.cal-lesson[data-lesson="${firstLessonId}"] .w`)
        .evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { textDecorationLine: string } }).getComputedStyle(el).textDecorationLine),
    ).toBe("line-through");
    expect((await blocks(page)).some((b) => b.text.includes("Olly Otto"))).toBe(true);
    await noSeriousViolations(page, "calendar week, whole studio");
    await page.getByRole("link", { name: "Day", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("view") === "day");
    await noSeriousViolations(page, "calendar day");
    await page.getByRole("link", { name: "Agenda", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("view") === "agenda");
    await page.locator(".agenda-item .who", { hasText: "Ann Able" }).first().waitFor();
    await noSeriousViolations(page, "calendar agenda");
  });
});

describe("a teacher's calendar", () => {
  it("shows only their own lessons; they take attendance and write a note the parents can read", { timeout: 120_000 }, async () => {
    const context = await site.browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await signIn(context, people.tinaEmail);
    await page.goto(`${base}/calendar?view=week&date=${addDays(tuesday, 7)}`);
    const shown = await blocks(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((b) => b.text.includes("Ann Able"))).toBe(true);
    await page.goto(`${base}/calendar?view=week&date=${tuesday}`);
    expect((await blocks(page)).some((b) => b.text.includes("Olly Otto"))).toBe(false);
    await expect(page.getByRole("option", { name: "Whole studio" }).count()).resolves.toBe(0);
    // Another teacher's calendar is refused.
    const other = await page.goto(`${base}/calendar?teacher=${people.otto.id}`);
    expect(other?.status()).toBe(403);

    // A lesson about to begin (present can be marked from 15 minutes before the start).
    const soon = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000);
    const lesson = await json(
      "lesson about to begin",
      owner.v1.studios[":studioId"].lessons.$post({
        param: { studioId: studio.studioId },
        json: { teacherId: people.tina.id, studentId: people.ann.id, type: "private", scheduledStart: soon.toISOString(), durationMinutes: 30 },
      }),
    );
    const lessonId = lesson.id as string;
    await page.goto(`${base}/calendar?view=day&date=${lesson.local.date}`);
    await noSeriousViolations(page, "calendar day as the teacher");
    await page.locator(`.cal-lesson[data-lesson="${lessonId}"]`).click();
    await page.getByRole("heading", { level: 1, name: "Ann Able" }).waitFor();
    await page.getByRole("button", { name: "Present" }).click();
    await page.getByText("Attendance saved.").waitFor();
    await expect(page.getByRole("button", { name: "Present" }).getAttribute("aria-pressed")).resolves.toBe("true");

    await page.getByLabel("What happened").fill("Scales in G major; started the minuet.");
    await page.getByLabel("Homework").fill("Minuet bars 1–8, slowly.");
    await page.getByLabel("Parents can see it").check();
    await page.getByRole("button", { name: "Save note" }).click();
    await page.getByText("Note saved.").waitFor();
    await page.getByText("Parents can see this").waitFor();
    await noSeriousViolations(page, "lesson page as the teacher");

    const notes = await json(
      "notes",
      owner.v1.studios[":studioId"].lessons[":lessonId"].notes.$get({
        param: { studioId: studio.studioId, lessonId },
        query: {},
      }),
      200,
    );
    expect(notes.items).toEqual([
      expect.objectContaining({ summary: "Scales in G major; started the minuet.", visibleToParent: true, visibleToStudent: false }),
    ]);
    await context.close();
  });
});
