import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays, localParts, weekdayOf } from "@studiosync/core/kernel";
import { extractLink, readMail } from "@studiosync/local/testing";
import { BrowserSessions, type Client, signInApi } from "./support/browser-sessions";
import { expectStatus, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * "A full class, a family waits, a seat comes free", in the browser: the owner adds a course with a
 * plan and a class slot of one seat, admits a student, puts a second on the waitlist, takes the
 * first out; the waiting family's email opens the signed offer page, where they claim the seat.
 * Then the class's attendance screen, and the occupancy grid.
 */
const ZONE = "Europe/London";
let site: Site;
let owner: Client;
let sessions: BrowserSessions;
let studioId = "";
let slug = "";
let ownerEmail = "";
const kids: { id: string; name: string; email: string }[] = [];

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Strings Corner");
  ({ studioId, slug } = studio);
  ownerEmail = studio.email;
  owner = await signInApi(site.apiUrl, studio.email);
  const param = { studioId };
  const s = owner.v1.studios[":studioId"];
  await expectStatus("teacher", s.teachers.$post({ param, json: { firstName: "Clara", lastName: "Keys" } }), 201);
  for (const name of ["Mia", "Leo"]) {
    const email = uniqueOwner(name.toLowerCase()).email;
    const student = await (await expectStatus("student", s.students.$post({ param, json: { firstName: name, lastName: "Rossi", email } }), 201)).json();
    kids.push({ id: student.id, name: `${name} Rossi`, email });
  }
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("group classes and their waitlist", { timeout: 180_000 }, () => {
  it("course → slot → admit → waitlist → withdraw → the family claims the seat from its email", async () => {
    const base = `/dashboard/studios/${studioId}/classes`;
    const desk = await sessions.signIn(ownerEmail, base);
    await desk.getByText("No class slots yet").waitFor();
    await sessions.expectAccessible(desk);

    await desk.goto(`${site.webUrl}${base}/courses/new`);
    await desk.getByLabel("Name", { exact: true }).fill("Junior Strings");
    await desk.getByLabel("Instrument").fill("Violin");
    await desk.getByLabel("Plan name").first().fill("10 classes");
    await desk.getByLabel("Number of classes").first().fill("10");
    await desk.getByLabel("Price (GBP)").first().fill("120.00");
    await desk.getByLabel("Valid for (days)").first().fill("90");
    await sessions.expectAccessible(desk);
    await Promise.all([desk.waitForURL(/saved=created/), desk.getByRole("button", { name: "Add the course" }).click()]);
    await desk.getByRole("link", { name: "Junior Strings" }).waitFor();

    const start = addDays(localParts(new Date(), ZONE).date, 1);
    await desk.goto(`${site.webUrl}${base}/slots/new`);
    await desk.getByLabel("Course").selectOption({ label: "Junior Strings (Violin)" });
    await desk.getByLabel("Teacher").selectOption({ label: "Clara Keys" });
    await desk.getByLabel("Weekday").selectOption(String(weekdayOf(start)));
    await desk.getByLabel("Starts at").fill("16:00");
    await desk.getByLabel("Term starts").fill(start);
    await desk.getByLabel("Term ends").fill(addDays(start, 21));
    await desk.getByLabel("Seats").fill("1");
    await sessions.expectAccessible(desk);
    await Promise.all([desk.waitForURL(/saved=created/), desk.getByRole("button", { name: "Add the slot and book its lessons" }).click()]);
    await desk.getByText("0 of 1 seats taken").waitFor();

    await desk.getByLabel("Student", { exact: true }).selectOption({ label: kids[0]!.name });
    await Promise.all([desk.waitForURL(/saved=admitted/), desk.getByRole("button", { name: "Admit the student" }).click()]);
    await desk.getByText("1 of 1 seats taken").waitFor();
    await desk.getByLabel("Student", { exact: true }).selectOption({ label: kids[1]!.name });
    await Promise.all([desk.waitForURL(/saved=waitlisted/), desk.getByRole("button", { name: "Add to the waitlist" }).click()]);
    await desk.getByText("the student is on its waitlist").waitFor();
    await sessions.expectAccessible(desk);

    await Promise.all([desk.waitForURL(/saved=offered/), desk.getByRole("button", { name: `Take ${kids[0]!.name} out of the class` }).click()]);
    await desk.getByText(/Offered a seat until/).waitFor();

    const [mail] = await readMail(kids[1]!.email, { subject: "A seat is free" });
    const link = extractLink(mail!.body.text ?? "", `/${slug}/act/class-offer/`);
    const family = await sessions.newPage();
    await family.goto(link);
    await family.getByRole("heading", { name: "A seat is free" }).waitFor();
    await sessions.expectAccessible(family);
    await Promise.all([family.waitForURL(/done=claimed/), family.getByRole("button", { name: "Claim the seat" }).click()]);
    await family.getByRole("heading", { name: "Leo has the seat" }).waitFor();

    await desk.reload();
    await desk.getByRole("link", { name: kids[1]!.name }).waitFor();
    expect(await desk.getByText("Nobody is waiting.").count()).toBe(1);
    await desk
      .getByRole("link", { name: /\d\d:\d\d$/ })
      .first()
      .click();
    await desk.getByRole("heading", { name: "Class attendance" }).waitFor();
    await desk.getByText("10 classes left").waitFor();
    await sessions.expectAccessible(desk);

    await desk.goto(`${site.webUrl}${base}`);
    await desk.getByRole("table", { name: "Class slots by weekday: enrolled of capacity" }).waitFor();
    await desk.getByText("1/1").waitFor();
    await sessions.expectAccessible(desk);
  });
});
