import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { renderSVG } from "uqr";
import { BrowserSessions, type Client, signInApi } from "./support/browser-sessions";
import { acceptInvitation, expectStatus, PASSWORD, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * The portal of students and parents: a parent with two children and an adult student land in it
 * after signing in, see their lessons (both children's; switch child), log practice, book a
 * make-up with a credit, open an invoice and reach its pay page, get a calendar subscription
 * link; another studio's or family's addresses are 404, and a teacher is sent to the workspace.
 */
let site: Site;
let owner: Client;
let sessions: BrowserSessions;
let studioId = "";
let otherStudioId = "";
let slug = "";
let base = "";
const parent = { email: uniqueOwner("parent").email };
const adult = { email: uniqueOwner("adult").email };
const teacher = { email: uniqueOwner("teacher").email, id: "" };
const ids = { ana: "", ben: "", sol: "", family: "", solLesson: "", invoice: "", invoiceNumber: "" };

/** An instant `days` from now at a whole UTC hour. */
const at = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

/** Signs in through /login with no destination: where the site sends them is what is tested. */
async function signInPlain(email: string): Promise<Page> {
  const page = await sessions.newPage();
  await page.goto(`${site.webUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === base), page.getByRole("button", { name: "Sign in" }).click()]);
  return page;
}

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const [studio, other] = await Promise.all([seedStudio(site.apiUrl, "Riverside Music"), seedStudio(site.apiUrl, "Other Music")]);
  ({ studioId, slug } = studio);
  otherStudioId = other.studioId;
  base = `/portal/studios/${studioId}`;
  owner = await signInApi(site.apiUrl, studio.email);
  const param = { studioId };
  const s = owner.v1.studios[":studioId"];

  const madeTeacher = await expectStatus("teacher", s.teachers.$post({ param, json: { firstName: "Tess", lastName: "Tutor", email: teacher.email } }), 201);
  teacher.id = (await madeTeacher.json()).id;
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "20:00" }));
  await expectStatus("hours", s.availability[":teacherId"].$put({ param: { studioId, teacherId: teacher.id }, json: { weeklyHours: everyDay } }), 200);
  const family = await expectStatus("family", s.families.$post({ param, json: { name: "The Riveras" } }), 201);
  ids.family = (await family.json()).id;
  const guardian = await expectStatus(
    "guardian",
    s.families[":familyId"].guardians.$post({
      param: { studioId, familyId: ids.family },
      json: { firstName: "Maria", lastName: "Rivera", relationship: "mother", email: parent.email },
    }),
    201,
  );
  const student = (firstName: string, lastName: string, extra: Record<string, string> = {}) =>
    expectStatus(`student ${firstName}`, s.students.$post({ param, json: { firstName, lastName, primaryTeacherId: teacher.id, ...extra } }), 201).then((r) =>
      r.json(),
    );
  const [ana, ben, sol] = await Promise.all([
    student("Ana", "Rivera", { familyId: ids.family }),
    student("Ben", "Rivera", { familyId: ids.family }),
    student("Sol", "Solo", { email: adult.email }),
  ]);
  ids.ana = ana.id;
  ids.ben = ben.id;
  ids.sol = sol.id;
  const lesson = (studentId: string, start: string) =>
    expectStatus(
      "lesson",
      s.lessons.$post({ param, json: { teacherId: teacher.id, studentId, type: "private", durationMinutes: 30, scheduledStart: start } }),
      201,
    ).then((r) => r.json());
  const [, , solLesson, toCancel] = await Promise.all([
    lesson(ids.ana, at(2, 9)),
    lesson(ids.ben, at(3, 9)),
    lesson(ids.sol, at(4, 9)),
    lesson(ids.ana, at(5, 9)),
  ]);
  ids.solLesson = solLesson.id;
  await expectStatus(
    "cancel",
    s.lessons[":lessonId"].cancel.$post({ param: { studioId, lessonId: toCancel.id }, header: {}, json: { reason: "Teacher ill" } }),
    200,
  );
  const draft = await expectStatus(
    "invoice",
    s.invoices.$post({
      param,
      json: { account: { kind: "family", partyId: ids.family }, lines: [{ description: "Piano lessons, December", quantity: 4, unitPriceMinor: 3000 }] },
    }),
    201,
  );
  ids.invoice = (await draft.json()).id;
  const sent = await expectStatus("send", s.invoices[":invoiceId"].send.$post({ param: { studioId, invoiceId: ids.invoice }, header: {} }), 200);
  ids.invoiceNumber = (await sent.json()).number!;

  const invite = (json: Record<string, string>) => expectStatus("invite", s.invitations.$post({ param, header: {}, json: json as never }), 201);
  await Promise.all([
    invite({ email: parent.email, role: "parent", familyId: ids.family, guardianId: (await guardian.json()).id }),
    invite({ email: adult.email, role: "student", studentId: ids.sol }),
    invite({ email: teacher.email, role: "teacher", teacherId: teacher.id }),
  ]);
  await Promise.all([
    acceptInvitation(site.apiUrl, parent.email, "Maria Rivera"),
    acceptInvitation(site.apiUrl, adult.email, "Sol Solo"),
    acceptInvitation(site.apiUrl, teacher.email, "Tess Tutor"),
  ]);
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("the portal of students and parents", { timeout: 120_000 }, () => {
  let page: Page;

  it("a parent lands in the portal after signing in and sees both children's lessons, the balance and the make-up", async () => {
    page = await signInPlain(parent.email);
    await page.getByRole("heading", { name: "Hello, Maria" }).waitFor();
    await page.getByText("The Riveras").waitFor();
    const lessons = page.getByRole("region", { name: "Next lessons" });
    await lessons.getByText("Ana Rivera with Tess Tutor").waitFor();
    await lessons.getByText("Ben Rivera with Tess Tutor").waitFor();
    await page.getByRole("region", { name: "Balance due" }).getByText("£120.00", { exact: true }).waitFor();
    await page.getByRole("link", { name: /Book a make-up for Ana Rivera/ }).waitFor();
    await sessions.expectAccessible(page);
  });

  it("switches to one child", async () => {
    await page.getByRole("navigation", { name: "Whose lessons" }).getByRole("link", { name: "Ben Rivera" }).click();
    await page.waitForURL((url) => url.searchParams.get("student") === ids.ben);
    const lessons = page.getByRole("region", { name: "Next lessons" });
    await lessons.getByText("Ben Rivera with Tess Tutor").waitFor();
    await expect(lessons.getByText("Ana Rivera with Tess Tutor").count()).resolves.toBe(0);
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Calendar" }).click();
    await page.getByRole("heading", { name: "Ben's lessons" }).waitFor();
    await sessions.expectAccessible(page);
  });

  it("logs practice for a child, keeping what was typed after a mistake", async () => {
    await page.goto(`${site.webUrl}${base}/practice?student=${ids.ana}`);
    await page.getByRole("heading", { name: "Ana's practice" }).waitFor();
    await page.getByLabel("Minutes").fill("0");
    await page.getByLabel("Pieces").fill("Für Elise");
    await page.getByRole("button", { name: "Log practice" }).click();
    await page.locator("#field-minutes-error").waitFor();
    await expect(page.getByLabel("Pieces").inputValue()).resolves.toBe("Für Elise");
    await sessions.expectAccessible(page);
    await page.getByLabel("Minutes").fill("25");
    await page.getByRole("button", { name: "Log practice" }).click();
    await page.getByText("Practice logged.").waitFor();
    await page.getByText(/25 minutes/).waitFor();
    await page.getByText("Für Elise").waitFor();
    await sessions.expectAccessible(page);
  });

  it("books a make-up with the credit in one of the teacher's free slots", async () => {
    await page.goto(`${site.webUrl}${base}`);
    await page.getByRole("link", { name: /Book a make-up for Ana Rivera/ }).click();
    await page.getByRole("heading", { name: "Book a make-up lesson" }).waitFor();
    await sessions.expectAccessible(page);
    await page
      .getByRole("button", { name: /^Book / })
      .first()
      .click();
    await page.getByText("Your make-up lesson is booked.").waitFor();
    await page.getByText("Make-up", { exact: true }).first().waitFor();
    await page.goto(`${site.webUrl}${base}`);
    await expect(page.getByRole("link", { name: /Book a make-up for Ana Rivera/ }).count()).resolves.toBe(0);
  });

  it("opens an invoice and reaches its pay page", async () => {
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Invoices" }).click();
    await page.getByRole("link", { name: `Invoice ${ids.invoiceNumber}`, exact: true }).click();
    await page.getByText("Piano lessons, December").waitFor();
    await sessions.expectAccessible(page);
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith(`/${slug}/invoices/`)),
      page.getByRole("link", { name: /Pay £120.00 by card/ }).click(),
    ]);
    await page.getByText(ids.invoiceNumber).first().waitFor();
  });

  it("gets a calendar subscription link", async () => {
    await page.goto(`${site.webUrl}${base}/calendar/subscribe`);
    await page.getByRole("button", { name: "Make my subscription link" }).click();
    const link = page.getByRole("link", { name: "Subscribe in your calendar app" });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^webcal:\/\/.+\.ics$/);
    // The QR code a phone scans is the same webcal link.
    const qr = page.getByRole("img", { name: "On your phone: scan with the camera to subscribe" });
    const drawn = await qr.locator("path").getAttribute("d");
    expect(drawn === /\sd="([^"]+)"/.exec(renderSVG(href!, { border: 2, ecc: "M" }))?.[1], "the QR code encodes the webcal link").toBe(true);
    await sessions.expectAccessible(page);
    await page.reload();
    await page.getByRole("button", { name: "Make a new subscription link" }).waitFor();
  });

  it("keeps the family's contact details: a parent changes the phone and billing email", async () => {
    await page.goto(`${site.webUrl}${base}/contact`);
    await page.getByLabel("Billing email").fill("accounts@riveras");
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator("#field-billingEmail-error").waitFor();
    await page.getByLabel("Phone").fill("+44 117 496 0999");
    await page.getByLabel("Billing email").fill("accounts@riveras.example");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Contact details saved.").waitFor();
    await expect(page.getByLabel("Phone").inputValue()).resolves.toBe("+44 117 496 0999");
    await sessions.expectAccessible(page);
  });

  it("answers 404 for another studio and for another family's lesson", async () => {
    expect((await page.goto(`${site.webUrl}/portal/studios/${otherStudioId}`))?.status()).toBe(404);
    expect((await page.goto(`${site.webUrl}${base}/lessons/${ids.solLesson}`))?.status()).toBe(404);
    expect((await page.goto(`${site.webUrl}${base}/practice?student=${ids.sol}`))?.status()).toBe(404);
  });

  it("an adult student lands in their own portal, sees their lesson and what cancelling it now would do", async () => {
    const student = await signInPlain(adult.email);
    await expect(student.getByRole("navigation", { name: "Whose lessons" }).count()).resolves.toBe(0);
    await student.getByRole("region", { name: "Next lessons" }).getByRole("link").first().click();
    await student.getByRole("heading", { name: "Sol Solo's lesson" }).waitFor();
    await sessions.expectAccessible(student);
    await student.getByRole("link", { name: "Can't make it?" }).click();
    await student.getByText(/If you cancel now: A make-up credit will be issued/).waitFor();
    await sessions.expectAccessible(student);
    await student.goto(`${site.webUrl}${base}/lessons/${ids.solLesson}/move`);
    await student
      .getByRole("button", { name: /^Ask for / })
      .first()
      .click();
    await student.getByText("Your request to move the lesson is sent.").waitFor();
  });

  it("sends a teacher who opens the portal to the workspace", async () => {
    const staff = await sessions.signIn(teacher.email, `/dashboard/studios/${studioId}`);
    await staff.goto(`${site.webUrl}${base}`);
    await staff.waitForURL((url) => url.pathname === `/dashboard/studios/${studioId}`);
  });
});
