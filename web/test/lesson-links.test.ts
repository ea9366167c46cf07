import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { awaitMail, extractLink, type SentMail } from "@studiosync/local/testing";
import { BrowserSessions, signInApi, type Client } from "./support/browser-sessions";
import { expectStatus, seedStudio, uniqueOwner } from "./support/seed";
import { startSite, type Site } from "./support/site";
import { seriousViolations } from "./support/axe";
import { broadcastSlotOffers } from "@studiosync/core/scheduling";

/**
 * Families handle a lesson from its emails alone (issue 12): Chromium opens the links SES local
 * received — cancel with and without notice (the page's outcome matches the API's and the
 * email's), book the make-up the credit earned, ask to move, replay a used link, open a link after
 * the studio moved the lesson — and reads an email at phone width.
 */
let site: Site;
let owner: Client;
let sessions: BrowserSessions;
let studioId = "";
let slug = "";
let teacherId = "";
let studentId = "";
const guardian = uniqueOwner("gina").email.toLowerCase();
const HOUR = 3_600_000;

/** A lesson of the family's student starting about `hours` from now, on a quarter hour; its booking email to the guardian. */
async function bookIn(hours: number): Promise<{ id: string; scheduledStart: string; mail: SentMail }> {
  const at = new Date(Date.now() + hours * HOUR);
  at.setUTCMinutes(Math.ceil(at.getUTCMinutes() / 15) * 15, 0, 0);
  const res = await expectStatus(
    "book",
    owner.v1.studios[":studioId"].lessons.$post({
      param: { studioId },
      json: { type: "private", teacherId, studentId, scheduledStart: at.toISOString(), durationMinutes: 45 },
    }),
    201,
  );
  const lesson = await res.json();
  const mail = await awaitMail(guardian, (m) => (m.subject.startsWith("Lesson booked") && inviteOf(m).includes(`UID:${lesson.id}@studiosync`) ? m : undefined));
  return { id: lesson.id, scheduledStart: lesson.scheduledStart, mail };
}

/** The calendar invitation a message carries, as text. */
const inviteOf = (mail: SentMail) => Buffer.from(mail.attachments.find((a) => a.filename === "invite.ics")?.content ?? "", "base64").toString("utf8");

const linkIn = (mail: SentMail, action: string) => extractLink(mail.body.text!, `/${slug}/act/${action}/`);

async function openLink(url: string): Promise<Page> {
  const page = await sessions.newPage();
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  expect(await seriousViolations(page), page.url()).toEqual([]);
  return page;
}

const lessonOf = async (id: string) =>
  (await (await owner.v1.studios[":studioId"].lessons[":lessonId"].$get({ param: { studioId, lessonId: id }, query: {} })).json()) as {
    status: string;
    cancellation: { explanation: string } | null;
  };

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Riverside Music");
  ({ studioId, slug } = studio);
  owner = await signInApi(site.apiUrl, studio.email);
  const param = { studioId };
  const teacher = await expectStatus("teacher", owner.v1.studios[":studioId"].teachers.$post({ param, json: { firstName: "Tess", lastName: "Tutor" } }), 201);
  teacherId = (await teacher.json()).id;
  const weeklyHours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "07:00", end: "21:00" }));
  await expectStatus("hours", owner.v1.studios[":studioId"].availability[":teacherId"].$put({ param: { studioId, teacherId }, json: { weeklyHours } }), 200);
  const family = await expectStatus("family", owner.v1.studios[":studioId"].families.$post({ param, json: { name: "The Greens" } }), 201);
  const familyId = (await family.json()).id;
  await expectStatus(
    "guardian",
    owner.v1.studios[":studioId"].families[":familyId"].guardians.$post({
      param: { studioId, familyId },
      json: { firstName: "Gina", lastName: "Green", relationship: "mother", email: guardian },
    }),
    201,
  );
  const student = await expectStatus(
    "student",
    owner.v1.studios[":studioId"].students.$post({ param, json: { firstName: "Gus", lastName: "Green", primaryTeacherId: teacherId, familyId } }),
    201,
  );
  studentId = (await student.json()).id;
}, 120_000);

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions.close();
  await site?.stop();
});

describe("signed lesson links, opened from the emails", () => {
  it("cancels with notice: the outcome shown first matches the API and the email; the credit books a make-up; a replay says used", async () => {
    const lesson = await bookIn(52);
    const page = await openLink(linkIn(lesson.mail, "cancel"));
    await expect.poll(() => page.getByRole("heading", { name: "If you cancel now: a make-up credit" }).count()).toBe(1);
    const shown = (await page.locator(".outcome p").first().textContent())!;
    expect(shown).toMatch(/credit issued: 5[12] h notice/);
    expect(await page.locator("header").textContent()).toContain("Riverside Music");
    expect((await lessonOf(lesson.id)).status).toBe("scheduled");

    await page.getByLabel("Reason (optional)").fill("Swimming gala");
    await Promise.all([page.waitForURL(/done=1/), page.getByRole("button", { name: "Cancel the lesson" }).click()]);
    expect(await page.getByRole("heading", { name: "The lesson is cancelled" }).count()).toBe(1);
    const api = await lessonOf(lesson.id);
    expect(api.status).toBe("cancelled");
    expect(shown).toContain(api.cancellation!.explanation);
    const cancelMail = await awaitMail(guardian, (m) =>
      m.subject.startsWith("Lesson cancelled") && m.body.text?.includes(api.cancellation!.explanation) ? m : undefined,
    );
    expect(cancelMail.body.text).toContain("Book your make-up: ");

    await Promise.all([page.waitForURL(/\/act\/makeup\//), page.getByRole("link", { name: "Book your make-up" }).click()]);
    expect(await seriousViolations(page), page.url()).toEqual([]);
    // The latest free time: the first may be a few hours from now, where the next test books at short notice.
    await page.locator("input[name=start]").last().check();
    await Promise.all([page.waitForURL(/booked=/), page.getByRole("button", { name: "Book this time" }).click()]);
    expect(await page.getByRole("heading", { name: "Your make-up lesson is booked" }).count()).toBe(1);

    // The emailed make-up link now says the credit is spent; the cancel link says it was used.
    const spent = await openLink(linkIn(cancelMail, "makeup"));
    expect(await spent.getByText("This make-up credit was already used").count()).toBe(1);
    const replay = await openLink(linkIn(lesson.mail, "cancel"));
    expect(await replay.getByText("This link was already used").count()).toBe(1);
    expect(await replay.getByRole("button", { name: "Cancel the lesson" }).count()).toBe(0);
  }, 90_000);

  it("cancels at short notice with no credit, saying why before and after", async () => {
    const lesson = await bookIn(5);
    const page = await openLink(linkIn(lesson.mail, "cancel"));
    expect(await page.getByRole("heading", { name: "If you cancel now: no make-up credit" }).count()).toBe(1);
    expect(await page.locator(".outcome p").first().textContent()).toMatch(/no credit: [45] h notice/);
    await Promise.all([page.waitForURL(/done=1/), page.getByRole("button", { name: "Cancel the lesson" }).click()]);
    expect(await page.getByText("No make-up credit was issued").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Book your make-up" }).count()).toBe(0);
    const api = await lessonOf(lesson.id);
    const mail = await awaitMail(guardian, (m) =>
      m.subject.startsWith("Lesson cancelled") && m.body.text?.includes(api.cancellation!.explanation) ? m : undefined,
    );
    expect(mail.body.text).toContain("No make-up credit was issued for this");
  });

  it("asks to move to one of the teacher's free times; after the studio moves the lesson, the old links say so", async () => {
    const lesson = await bookIn(30);
    const page = await openLink(linkIn(lesson.mail, "move"));
    await page.locator("input[name=start]").nth(2).check();
    await page.getByLabel("Message for the studio (optional)").fill("Gus has a match that afternoon");
    await Promise.all([page.waitForURL(/requested=/), page.getByRole("button", { name: "Send the request" }).click()]);
    expect(await page.getByRole("heading", { name: /Your request is with Riverside Music/ }).count()).toBe(1);
    const inbox = await (
      await expectStatus("requests", owner.v1.studios[":studioId"]["reschedule-requests"].$get({ param: { studioId }, query: {} }), 200)
    ).json();
    expect(inbox.items.some((r) => r.lessonId === lesson.id && r.message === "Gus has a match that afternoon")).toBe(true);

    const later = new Date(Date.parse(lesson.scheduledStart) + 2 * HOUR).toISOString();
    await expectStatus(
      "move",
      owner.v1.studios[":studioId"].lessons[":lessonId"].$patch({ param: { studioId, lessonId: lesson.id }, json: { scheduledStart: later } }),
      200,
    );
    const stale = await openLink(linkIn(lesson.mail, "cancel"));
    expect(await stale.getByText("This lesson has moved").count()).toBe(1);
    expect(await stale.getByRole("button", { name: "Cancel the lesson" }).count()).toBe(0);
    const moveMail = await awaitMail(guardian, (m) => (m.subject.startsWith("Lesson moved") ? m : undefined));
    const fresh = await openLink(linkIn(moveMail, "cancel"));
    expect(await fresh.getByRole("button", { name: "Cancel the lesson" }).count()).toBe(1);
  }, 60_000);

  it("offers a freed slot to two families holding credits: both click Claim at once, one books it, the other sees it taken and other times", async () => {
    const param = { studioId };
    /** Another family of Tess's with a guardian and a make-up credit (a lesson the studio cancelled). */
    const familyWithCredit = async (name: string, hours: number) => {
      const email = uniqueOwner(name).email.toLowerCase();
      const family = await (await expectStatus("family", owner.v1.studios[":studioId"].families.$post({ param, json: { name: `The ${name}s` } }), 201)).json();
      await expectStatus(
        "guardian",
        owner.v1.studios[":studioId"].families[":familyId"].guardians.$post({
          param: { studioId, familyId: family.id },
          json: { firstName: name, lastName: "Parent", relationship: "father", email },
        }),
        201,
      );
      const student = await (
        await expectStatus(
          "student",
          owner.v1.studios[":studioId"].students.$post({
            param,
            json: { firstName: `${name} Jr`, lastName: "Parent", primaryTeacherId: teacherId, familyId: family.id },
          }),
          201,
        )
      ).json();
      const at = new Date(Date.now() + hours * HOUR);
      at.setUTCMinutes(0, 0, 0);
      const lesson = await (
        await expectStatus(
          "book",
          owner.v1.studios[":studioId"].lessons.$post({
            param,
            json: { type: "private", teacherId, studentId: student.id, scheduledStart: at.toISOString(), durationMinutes: 45 },
          }),
          201,
        )
      ).json();
      await expectStatus(
        "studio cancels",
        owner.v1.studios[":studioId"].lessons[":lessonId"].cancel.$post({
          param: { studioId, lessonId: lesson.id },
          header: {},
          json: { reason: "Teacher at a concert" },
        }),
        200,
      );
      return email;
    };
    const [ada, bo] = await Promise.all([familyWithCredit("Ada", 100), familyWithCredit("Bo", 101)]);

    // Gus's family cancels with notice from their email: the slot (in Tess's hours, three days
    // out) is freed, and the job offers it.
    const slot = new Date();
    slot.setUTCDate(slot.getUTCDate() + 3);
    slot.setUTCHours(10, 0, 0, 0);
    const freed = await bookIn((slot.getTime() - Date.now()) / HOUR);
    const cancel = await openLink(linkIn(freed.mail, "cancel"));
    await Promise.all([cancel.waitForURL(/done=1/), cancel.getByRole("button", { name: "Cancel the lesson" }).click()]);
    await broadcastSlotOffers();
    const offerTo = (email: string) => awaitMail(email, (m) => (m.subject.includes("is free") ? m : undefined));
    const [toAda, toBo] = await Promise.all([offerTo(ada), offerTo(bo)]);

    const [adaPage, boPage] = await Promise.all([openLink(linkIn(toAda, "claim")), openLink(linkIn(toBo, "claim"))]);
    for (const page of [adaPage, boPage]) expect(await page.getByRole("heading", { name: "A lesson slot is free" }).count()).toBe(1);
    await Promise.all(
      [adaPage, boPage].map((page) => Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Claim this slot" }).click()])),
    );
    await Promise.all([adaPage, boPage].map((page) => page.locator("h1").first().waitFor()));
    const outcomes = await Promise.all(
      [adaPage, boPage].map(async (page) =>
        (await page.getByRole("heading", { name: "It's yours: the make-up lesson is booked" }).count()) === 1 ? "won" : "lost",
      ),
    );
    expect([...outcomes].sort()).toEqual(["lost", "won"]);
    const loser = outcomes[0] === "lost" ? adaPage : boPage;
    expect(await loser.getByText("Another family took this slot first").count()).toBe(1);
    expect(await loser.getByRole("button", { name: "Book this time" }).count()).toBe(1);
    expect(await seriousViolations(loser), loser.url()).toEqual([]);
  }, 90_000);

  it("a forged link is a page that says so, and an email reads on a 320 px phone without sideways scrolling", async () => {
    const page = await sessions.newPage();
    const response = await page.goto(`${site.webUrl}/${slug}/act/cancel/k1.bm90LWEtdG9rZW4.c2lnbmF0dXJl`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { name: "This link doesn't work" }).count()).toBe(1);

    const mail = await awaitMail(guardian, (m) => (m.subject.startsWith("Lesson booked") ? m : undefined));
    await page.setViewportSize({ width: 320, height: 640 });
    await page.setContent(mail.body.html!);
    const scrollWidth = await page.evaluate(
      () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
    );
    expect(scrollWidth).toBeLessThanOrEqual(320);
    expect(mail.from).toBe('"Riverside Music via StudioSync" <no-reply@studiosync.local>');
    expect(mail.replyTo).toEqual(["hello@riverside-music.example.com"]);
  });
});
