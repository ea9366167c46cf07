import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays, localParts, weekdayOf } from "@studiosync/core/kernel";
import { extractLink, readMail } from "@studiosync/local/testing";
import { BrowserSessions, type Client, signInApi } from "./support/browser-sessions";
import { loadedImageWidth } from "./support/dom";
import { expectStatus, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * "A stranger books a trial from a teacher's page": the studio page lists the public teacher,
 * their page offers free times, the visitor books one with the student's and their own details,
 * both emails arrive, and the confirmation's link cancels it. Without an account, in the browser.
 */
let site: Site;
let owner: Client;
let sessions: BrowserSessions;
let slug = "";
let ownerEmail = "";
let teacherId = "";
let studioId = "";
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Harbour Piano School");
  slug = studio.slug;
  studioId = studio.studioId;
  ownerEmail = studio.email;
  owner = await signInApi(site.apiUrl, studio.email);
  const s = owner.v1.studios[":studioId"];
  const param = { studioId: studio.studioId };
  const teacher = await (
    await expectStatus(
      "teacher",
      s.teachers.$post({
        param,
        json: {
          firstName: "Clara",
          lastName: "Wieck",
          specialties: ["Piano"],
          isPublic: true,
          publicBio: "Concert pianist and patient teacher.",
          qualifications: "MMus, Royal Academy",
        },
      }),
      201,
    )
  ).json();
  teacherId = teacher.id;
  const weeklyHours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "10:00", end: "18:00" }));
  await expectStatus("hours", s.availability[":teacherId"].$put({ param: { ...param, teacherId }, json: { weeklyHours } }), 200);
  // A group course with a weekly class, taught by another teacher, on the studio page.
  const other = await (await expectStatus("teacher", s.teachers.$post({ param, json: { firstName: "Hans", lastName: "Guitar" } }), 201)).json();
  const course = await (
    await expectStatus(
      "course",
      s.courses.$post({
        param,
        json: {
          name: "Junior Guitar Group",
          instrument: "Guitar",
          kind: "group",
          minAge: 7,
          maxAge: 11,
          plans: [{ name: "10 classes", classCount: 10, priceMinor: 15000, validityDays: 120 }],
        },
      }),
      201,
    )
  ).json();
  const termStart = addDays(localParts(new Date(), "Europe/London").date, 3);
  await expectStatus(
    "class slot",
    s["class-slots"].$post({
      param,
      json: {
        courseId: course.id,
        teacherId: other.id,
        roomName: "Hall",
        weekday: weekdayOf(termStart),
        startTime: "17:00",
        durationMinutes: 45,
        termStart,
        termEnd: addDays(termStart, 28),
        capacity: 6,
      },
    }),
    201,
  );
  await expectStatus(
    "settings",
    s["booking-settings"].$put({
      param,
      json: {
        trialsEnabled: true,
        trialLengths: [30, 45],
        trialPriceMinor: 0,
        minNoticeHours: 24,
        horizonDays: 21,
        lessonPrices: [{ minutes: 30, priceMinor: 3000 }],
        businessHours: [{ weekday: 1, start: "09:00", end: "18:00" }],
      },
    }),
    200,
  );
});

afterEach(async (ctx) => sessions.reportFailure(ctx));
afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("a trial lesson booked from the public page", () => {
  it("goes from the studio page to a booking, both emails, and a cancellation by the emailed link", async () => {
    const page = await sessions.newPage();
    const studioPage = await page.goto(`${site.webUrl}/${slug}`);
    expect(studioPage?.headers()["cache-control"]).toContain("public");
    await expect(page.getByRole("heading", { name: "Teachers" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("MMus, Royal Academy").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: "Junior Guitar Group" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("6 seats left").isVisible()).resolves.toBe(true);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}");
    expect(jsonLd).toMatchObject({ "@type": "LocalBusiness", name: "Harbour Piano School" });
    await sessions.expectAccessible(page);

    await Promise.all([page.waitForURL(`**/${slug}/teachers/${teacherId}`), page.getByRole("link", { name: "Book a trial lesson with Clara Wieck" }).click()]);
    await expect(page.getByRole("heading", { name: "Book a trial lesson" }).isVisible()).resolves.toBe(true);
    await sessions.expectAccessible(page);
    await page.getByRole("link", { name: "45 min" }).click();
    await page.waitForURL(/length=45/);

    const firstTime = page.locator('input[name="start"]').first();
    const chosen = await firstTime.getAttribute("value");
    await firstTime.check();
    const parentEmail = uniqueOwner("trial-parent").email;
    await page.getByLabel("First name").fill("Robert");
    await page.getByLabel("Last name").fill("Schumann");
    await page.getByLabel("Age").fill("10");
    await page.getByLabel("Your name").fill("Johanna Schumann");
    await page.getByLabel("Email").fill(parentEmail);
    await Promise.all([page.waitForURL(/booked=/), page.getByRole("button", { name: "Book the trial lesson" }).click()]);
    await expect(page.getByText("Your trial lesson is booked.").isVisible()).resolves.toBe(true);
    await expect(page.getByText(parentEmail).isVisible()).resolves.toBe(true);

    const [confirmation] = await readMail(parentEmail, { subject: "Trial lesson booked" });
    expect(confirmation!.attachments.some((a) => a.contentType.startsWith("text/calendar"))).toBe(true);
    const [forOwner] = await readMail(ownerEmail, { subject: "New trial booking: Robert Schumann" });
    expect(forOwner!.body.text).toContain("Johanna Schumann booked a trial lesson for Robert Schumann with Clara Wieck");

    // The time is gone from the teacher's page.
    await page.goto(`${site.webUrl}/${slug}/teachers/${teacherId}?length=45`);
    await expect(page.locator(`input[name="start"][value="${chosen}"]`).count()).resolves.toBe(0);

    // The confirmation's link: the booking, then cancelled (no script needed).
    const manage = await sessions.newPage({ javaScript: false });
    const trialPage = await manage.goto(extractLink(confirmation!.body.text!, `/${slug}/trials/`));
    expect(trialPage?.headers()["cache-control"]).toContain("no-store");
    await expect(manage.getByText("Robert Schumann").isVisible()).resolves.toBe(true);
    await Promise.all([manage.waitForURL(/cancelled=1/), manage.getByRole("button", { name: "Cancel the trial lesson" }).click()]);
    await expect(manage.getByRole("heading", { name: "The trial lesson is cancelled" }).isVisible()).resolves.toBe(true);
    await readMail(parentEmail, { subject: "Trial lesson cancelled" });
  });

  it("turns a trial booking into a lead the owner converts to a family with a weekly lesson, typing nothing twice", async () => {
    const visitor = await sessions.newPage();
    await visitor.goto(`${site.webUrl}/${slug}/teachers/${teacherId}`);
    await visitor.locator('input[name="start"]').nth(3).check();
    const parentEmail = uniqueOwner("convert-parent").email;
    await visitor.getByLabel("First name").fill("Felix");
    await visitor.getByLabel("Last name").fill("Bartholdy");
    await visitor.getByLabel("Your name").fill("Abraham Bartholdy");
    await visitor.getByLabel("Email").fill(parentEmail);
    await Promise.all([visitor.waitForURL(/booked=/), visitor.getByRole("button", { name: "Book the trial lesson" }).click()]);

    // The staff email opens the lead in the workspace: already at "Trial booked".
    const [forOwner] = await readMail(ownerEmail, { subject: "New trial booking: Felix Bartholdy" });
    const leadUrl = new URL(extractLink(forOwner!.body.text!, `/dashboard/studios/${studioId}/leads/`));
    const page = await sessions.signIn(ownerEmail, leadUrl.pathname);
    await expect(page.getByText("Trial booked").first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(parentEmail).first().isVisible()).resolves.toBe(true);
    await sessions.expectAccessible(page);

    const monday = addDays(localParts(new Date(), "Europe/London").date, 8 - weekdayOf(localParts(new Date(), "Europe/London").date));
    await page.getByLabel("Lesson teacher").selectOption(teacherId);
    await page.locator("#field-lessonStart").fill(monday);
    await page.locator("#field-lessonTime").fill("17:30");
    await Promise.all([page.waitForURL(/saved=converted/), page.getByRole("button", { name: "Convert Felix Bartholdy" }).click()]);
    await page.getByText("The lead is enrolled").waitFor();
    await page.getByRole("link", { name: "Felix Bartholdy" }).first().click();
    await page.getByRole("heading", { name: "Felix Bartholdy" }).first().waitFor();
    // The student's first weekly lesson is booked with Clara.
    const patterns = await owner.v1.studios[":studioId"]["recurring-patterns"].$get({ param: { studioId }, query: {} });
    const body = (await patterns.json()) as { items: { teacherId: string; startTime?: string }[] };
    expect(body.items.some((p) => p.teacherId === teacherId)).toBe(true);
  });

  it("takes an enquiry without JavaScript, with the errors under their fields", async () => {
    const withScript = await sessions.newPage();
    await withScript.goto(`${site.webUrl}/${slug}/enquire?teacher=${teacherId}`);
    await sessions.expectAccessible(withScript);
    const page = await sessions.newPage({ javaScript: false });
    await page.goto(`${site.webUrl}/${slug}/enquire?teacher=${teacherId}`);
    await expect(page.getByRole("heading", { name: "Ask about lessons with Clara Wieck" }).isVisible()).resolves.toBe(true);
    const email = uniqueOwner("enquirer").email;
    await page.getByLabel("First name").fill("Fanny");
    await page.getByLabel("Last name").fill("Mendelssohn");
    await page.locator("#field-age").fill("old");
    await page.getByLabel("Your name").fill("Lea Mendelssohn");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("When are you free?").fill("Saturday mornings");
    await page.getByRole("button", { name: "Send enquiry" }).click();
    await expect(page.locator("#field-age-error").textContent()).resolves.toContain("must be a number");
    await page.locator("#field-age").fill("14");
    await Promise.all([page.waitForURL(/sent=1/), page.getByRole("button", { name: "Send enquiry" }).click()]);
    await expect(page.getByText("Thanks — your enquiry is with the studio.").isVisible()).resolves.toBe(true);
    await readMail(email, { subject: "has your enquiry" });
    await readMail(ownerEmail, { subject: "New enquiry: Fanny Mendelssohn" });
  });

  it("shows the teacher's photo once an admin uploads it on the teacher's page", async () => {
    const page = await sessions.signIn(ownerEmail, `/dashboard/studios/${studioId}/people/teachers/${teacherId}`);
    await page.getByLabel("Upload a photo").setInputFiles({ name: "clara.png", mimeType: "image/png", buffer: PNG });
    await Promise.all([page.waitForURL(/saved=photo/), page.getByRole("button", { name: "Upload photo" }).click()]);
    await expect(page.getByText("A photo is shown on the studio's public page.").isVisible()).resolves.toBe(true);
    await sessions.expectAccessible(page);
    await page.goto(`${site.webUrl}/${slug}/teachers/${teacherId}`);
    await expect(loadedImageWidth(page.getByRole("img", { name: "Clara Wieck" }))).resolves.toBe(1);
  });

  it("lists the studio's pages in its sitemap", async () => {
    const res = await fetch(`${site.webUrl}/${slug}/sitemap.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain(`/${slug}/teachers/${teacherId}</loc>`);
    expect(xml).toContain(`/${slug}/enquire</loc>`);
  });
});
