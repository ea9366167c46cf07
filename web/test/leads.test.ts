import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BrowserSessions, type Client, signInApi } from "./support/browser-sessions";
import { expectStatus, seedStudio } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * The leads CRM in the browser, without JavaScript forms: the owner adds a walk-in, moves it on the
 * board (lost needs a reason), merges a duplicate from the lead's page, converts it to a family and
 * student, imports leads from a CSV file, and the pages (list, board, lead, funnel, stages, import)
 * pass axe.
 */
let site: Site;
let owner: Client;
let sessions: BrowserSessions;
let studioId = "";
let ownerEmail = "";

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Lead Lane Music");
  studioId = studio.studioId;
  ownerEmail = studio.email;
  owner = await signInApi(site.apiUrl, studio.email);
  await expectStatus(
    "duplicate",
    owner.v1.studios[":studioId"].leads.$post({
      param: { studioId },
      json: { studentFirstName: "Noor", studentLastName: "Haddad", contactName: "Lina Haddad", contactEmail: "lina.haddad@example.test", instrument: "Oud" },
    }),
    201,
  );
  // A group class with seats, for the conversion to admit into.
  const param = { studioId };
  const teacher = await (
    await expectStatus("teacher", owner.v1.studios[":studioId"].teachers.$post({ param, json: { firstName: "Omar", lastName: "Oud" } }), 201)
  ).json();
  const course = await (
    await expectStatus(
      "course",
      owner.v1.studios[":studioId"].courses.$post({
        param,
        json: { name: "Oud circle", instrument: "Oud", kind: "group", plans: [{ name: "Term of 6", classCount: 6, priceMinor: 9000, validityDays: 90 }] },
      }),
      201,
    )
  ).json();
  const start = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await expectStatus(
    "class slot",
    owner.v1.studios[":studioId"]["class-slots"].$post({
      param,
      json: { courseId: course.id, teacherId: teacher.id, weekday: 3, startTime: "17:00", durationMinutes: 60, termStart: start, termEnd: end, capacity: 6 },
    }),
    201,
  );
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("the leads workspace", { timeout: 180_000 }, () => {
  it("adds a walk-in, moves it on the board, merges its duplicate and converts it", async () => {
    const base = `/dashboard/studios/${studioId}/leads`;
    const page = await sessions.signIn(ownerEmail, base);
    await sessions.expectAccessible(page);
    await page.getByRole("link", { name: "Add a lead" }).first().click();
    await page.getByLabel("Source").selectOption("walk_in");
    await page.getByLabel("First name").fill("Noor");
    await page.getByLabel("Last name").fill("Haddad");
    await page.getByRole("textbox", { name: /^Name/ }).fill("Lina Haddad");
    await page.getByLabel("Email").fill("lina.haddad@example.test");
    await page.getByLabel("Level").fill("Beginner");
    await Promise.all([page.waitForURL(/\/leads\/[^/?]+\?saved=created/), page.getByRole("button", { name: "Add the lead" }).click()]);
    await page.getByText("The lead is added.").waitFor();
    const leadPath = new URL(page.url()).pathname;
    await sessions.expectAccessible(page);

    // The duplicate (same email) is offered; merging brings its instrument over.
    await Promise.all([page.waitForURL(/saved=merge/), page.getByRole("button", { name: "Merge Noor Haddad into this lead" }).click()]);
    await page.getByText("The duplicate is merged into this lead.").waitFor();
    expect(await page.getByText("Oud").count()).toBeGreaterThan(0);

    // The board: a lost lead needs its reason; then it moves.
    await page.goto(`${site.webUrl}${base}/board`);
    await sessions.expectAccessible(page);
    await page.getByLabel("Stage of Noor Haddad").selectOption("contacted");
    await Promise.all([page.waitForURL(/saved=moved/), page.getByRole("button", { name: "Move Noor" }).click()]);
    await page.getByText("The lead is moved.").waitFor();
    await page.getByLabel("Stage of Noor Haddad").selectOption("lost");
    await page.getByRole("button", { name: "Move Noor" }).click();
    await page.getByText("is required when a lead is lost").first().waitFor();

    // Convert from the lead's page, with a seat in the group class.
    await page.goto(`${site.webUrl}${leadPath}`);
    await page.getByLabel("Or a seat in a group class (optional)").selectOption({ label: "Oud circle, Wednesdays 17:00, 60 min · Term of 6 · 6 seats left" });
    await Promise.all([page.waitForURL(/saved=converted/), page.getByRole("button", { name: "Convert Noor Haddad" }).click()]);
    await page.getByText("The lead is enrolled").waitFor();
    expect(page.url()).not.toContain("note=");
    const slots = await (await expectStatus("class slots", owner.v1.studios[":studioId"]["class-slots"].$get({ param: { studioId }, query: {} }), 200)).json();
    expect(slots.items[0]!.seatsTaken).toBe(1);
    await page.getByRole("link", { name: "Noor Haddad" }).first().click();
    await page.getByRole("heading", { name: "Noor Haddad" }).first().waitFor();

    for (const path of ["/funnel", "/stages", ""]) {
      await page.goto(`${site.webUrl}${base}${path}`);
      await sessions.expectAccessible(page);
    }
  });

  it("imports leads from a CSV file: the report shows, and the leads are in the list", async () => {
    const base = `/dashboard/studios/${studioId}/leads`;
    const page = await sessions.signIn(ownerEmail, base);
    await page.getByRole("link", { name: "Import from CSV" }).click();
    await page.getByRole("heading", { name: "Import leads from CSV" }).waitFor();
    await page.getByText("studentFirstName,studentLastName,contactName,contactEmail").first().waitFor();
    await sessions.expectAccessible(page);
    const csv = [
      "Student first name,Student last name,Contact name,Contact email,Tags",
      "Omar,Csvson,Hala Csvson,hala@example.test,autumn",
      "Broken,Row,,,",
    ].join("\n");
    await page.getByLabel("CSV file").setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Import finished" }).waitFor();
    await page.getByText("1 added · 0 already there · 1 with problems").waitFor();
    await page.getByText("is required").first().waitFor();
    await sessions.expectAccessible(page);
    await page.getByRole("link", { name: "See the leads" }).click();
    await page.getByText("Omar Csvson").first().waitFor();
  });
});
