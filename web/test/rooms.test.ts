import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays, localParts } from "@studiosync/core/kernel";
import { BrowserSessions, type Client, signInApi } from "./support/browser-sessions";
import { acceptInvitation, expectStatus, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * Rooms: the owner adds a piano room open to students with an hourly rate and opening hours,
 * reserves it for tomorrow 16:00 for an hour from its page and sees the reservation listed; the
 * booking form offers the room and names the reservation in the way of a lesson there; a parent
 * opens Practice rooms in the portal, reserves the room for a child at a free time — seeing the
 * cost first, then the reservation and its cost under My reservations — and a taken time says so,
 * keeping what was typed; the parent cancels, confirmed first.
 */
const ZONE = "Europe/London";
let site: Site;
let owner: Client;
let ownerEmail = "";
let sessions: BrowserSessions;
let studioId = "";
let base = "";
let portalBase = "";
let roomPath = "";
const parent = { email: uniqueOwner("parent").email };
const teacherEmail = uniqueOwner("tess").email;
const ids = { teacher: "", ana: "", ben: "", family: "" };
const tomorrow = addDays(localParts(new Date(), ZONE).date, 1);

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Riverside Music");
  studioId = studio.studioId;
  ownerEmail = studio.email;
  base = `/dashboard/studios/${studioId}`;
  portalBase = `/portal/studios/${studioId}`;
  owner = await signInApi(site.apiUrl, studio.email);
  const param = { studioId };
  const s = owner.v1.studios[":studioId"];
  const teacher = await expectStatus("teacher", s.teachers.$post({ param, json: { firstName: "Tess", lastName: "Tutor", email: teacherEmail } }), 201);
  ids.teacher = (await teacher.json()).id;
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "21:00" }));
  await expectStatus("hours", s.availability[":teacherId"].$put({ param: { studioId, teacherId: ids.teacher }, json: { weeklyHours: everyDay } }), 200);
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
  const student = (firstName: string) =>
    expectStatus(
      `student ${firstName}`,
      s.students.$post({ param, json: { firstName, lastName: "Rivera", primaryTeacherId: ids.teacher, familyId: ids.family } }),
      201,
    ).then((r) => r.json());
  const [ana, ben] = await Promise.all([student("Ana"), student("Ben")]);
  ids.ana = ana.id;
  ids.ben = ben.id;
  await expectStatus(
    "invite",
    s.invitations.$post({ param, header: {}, json: { email: parent.email, role: "parent", familyId: ids.family, guardianId: (await guardian.json()).id } }),
    201,
  );
  await expectStatus("invite teacher", s.invitations.$post({ param, header: {}, json: { email: teacherEmail, role: "teacher", teacherId: ids.teacher } }), 201);
  await Promise.all([acceptInvitation(site.apiUrl, parent.email, "Maria Rivera"), acceptInvitation(site.apiUrl, teacherEmail, "Tess Tutor")]);
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("rooms", { timeout: 120_000 }, () => {
  it("the owner adds a piano room open to students, with a rate and opening hours", async () => {
    const page = await sessions.signIn(ownerEmail, `${base}/scheduling/rooms`);
    await page.getByRole("navigation", { name: "Scheduling" }).getByRole("link", { name: "Rooms" }).waitFor();
    await page.getByRole("heading", { name: "No rooms yet" }).waitFor();
    await sessions.expectAccessible(page);
    await page.getByRole("link", { name: "Add a room" }).first().click();
    await page.getByRole("heading", { name: "Add a room", level: 1 }).waitFor();

    // A rate that isn't an amount is refused under its field, keeping what was typed.
    await page.getByLabel("Name").fill("Piano room");
    await page.getByLabel("Hourly rate (GBP)").fill("twelve");
    await page.getByRole("button", { name: "Add the room" }).click();
    await page.locator("#field-hourlyRateMinor-error").waitFor();
    await expect(page.getByLabel("Name").inputValue()).resolves.toBe("Piano room");
    await sessions.expectAccessible(page);

    await page.getByLabel("Capacity").fill("2");
    await page.getByLabel("Hourly rate (GBP)").fill("12.50");
    await page.getByLabel("Equipment").fill("Upright piano, music stand");
    await page.getByLabel("Students and families too").check();
    for (let weekday = 1; weekday <= 7; weekday++) {
      await page.locator(`#field-d${weekday}-0-start`).fill("09:00");
      await page.locator(`#field-d${weekday}-0-end`).fill("21:00");
    }
    await Promise.all([page.waitForURL((url) => url.searchParams.get("saved") === "added"), page.getByRole("button", { name: "Add the room" }).click()]);
    roomPath = new URL(page.url()).pathname;
    await page.getByText("Room added.").waitFor();
    await page.getByRole("heading", { name: "Piano room", level: 1 }).waitFor();
    await page.getByText("2 people · £12.50 an hour · Staff, students and families").waitFor();
    await page.getByText("Equipment: Upright piano, music stand").waitFor();
    await sessions.expectAccessible(page);

    await page.getByRole("link", { name: "← All rooms" }).click();
    const row = page.getByRole("row", { name: /Piano room/ });
    await row.getByText("£12.50 an hour").waitFor();
    await row.getByText("Mon 09:00–21:00 · Tue 09:00–21:00").waitFor();
  });

  it("the owner reserves the piano room for tomorrow 16:00 for an hour from its page and sees it listed", async () => {
    const page = await sessions.signIn(ownerEmail, roomPath);
    const form = page.getByRole("region", { name: "Reserve the room" });
    await form.getByLabel("Date").fill(tomorrow);
    await form.getByLabel("Start time").fill("16:00");
    await form.getByLabel("Length").selectOption({ label: "1 h" });
    await form.getByLabel("Notes").fill("Tuning");
    await Promise.all([page.waitForURL((url) => url.searchParams.has("reserved")), form.getByRole("button", { name: "Reserve the room" }).click()]);
    await page.getByText(/Reserved .*, 16:00–17:00 for the studio\./).waitFor();
    const listed = page.getByRole("region", { name: "Reservations ahead" }).getByRole("row", { name: /16:00–17:00/ });
    await listed.getByText("The studio").waitFor();
    await listed.getByText("Tuning").waitFor();
    await listed.getByText("No charge").waitFor();
    // The week shows it on tomorrow's day.
    await page.locator(`[data-day="${tomorrow}"]`).getByText("Reserved by Ada Owner").waitFor();
    await sessions.expectAccessible(page);
  });

  it("the booking form offers the room, and names the reservation in the way of a lesson there", async () => {
    const page = await sessions.signIn(ownerEmail, `${base}/calendar/book`);
    await page.getByLabel("Student or band").selectOption(`student:${ids.ana}`);
    await page.getByLabel("Teacher").selectOption(ids.teacher);
    await page.getByLabel("Date").fill(tomorrow);
    await page.getByLabel("Start time").fill("16:30");
    const room = page.getByLabel("Room");
    expect(await room.locator("option").allTextContents()).toEqual(["No room", "Piano room"]);
    await room.selectOption("Piano room");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Book the lesson" }).click(),
    ]);
    expect(response.status()).toBe(409);
    await page.getByText("That time is taken.").waitFor();
    const inTheWay = page.getByRole("link", { name: /^Piano room: reserved by Ada Owner, / });
    expect(await inTheWay.getAttribute("href")).toBe(`${roomPath}?from=${tomorrow}`);
    await expect(room.inputValue()).resolves.toBe("Piano room");
    await sessions.expectAccessible(page);

    // A lesson naming the room in another spelling has it selected on the change form; "No room" takes it out.
    const start = new Date(Date.parse(`${addDays(tomorrow, 1)}T10:00:00Z`)).toISOString();
    const made = await expectStatus(
      "lesson in the room",
      owner.v1.studios[":studioId"].lessons.$post({
        param: { studioId },
        json: { teacherId: ids.teacher, studentId: ids.ben, type: "private", durationMinutes: 30, scheduledStart: start, roomName: "piano  ROOM" },
      }),
      201,
    );
    const lessonId = (await made.json()).id;
    await page.goto(`${site.webUrl}${base}/lessons/${lessonId}/change`);
    const place = page.getByRole("region", { name: "Room" });
    await expect(place.getByLabel("Room").inputValue()).resolves.toBe("Piano room");
    await sessions.expectAccessible(page);
    await place.getByLabel("Room").selectOption({ label: "No room" });
    await Promise.all([page.waitForURL((url) => url.searchParams.get("saved") === "place"), place.getByRole("button", { name: "Save room" }).click()]);
    await page.goto(`${site.webUrl}${base}/lessons/${lessonId}/change`);
    await expect(page.getByRole("region", { name: "Room" }).getByLabel("Room").inputValue()).resolves.toBe("");
  });

  it("a teacher finds the rooms in the navigation and views one, without its admin form", async () => {
    const page = await sessions.signIn(teacherEmail, `${base}/calendar`);
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Rooms" }).click();
    await page.getByRole("heading", { name: "Rooms", level: 1 }).waitFor();
    await expect(page.getByRole("link", { name: "Add a room" }).count()).resolves.toBe(0);
    await page.getByRole("link", { name: "Piano room" }).click();
    await page.getByRole("heading", { name: "About the room" }).waitFor();
    await page.getByRole("button", { name: "Reserve the room" }).waitFor();
    await expect(page.getByRole("heading", { name: "Room details" }).count()).resolves.toBe(0);
    await sessions.expectAccessible(page);
    // Admin pages stay closed to teachers.
    const refused = await page.goto(`${site.webUrl}${base}/scheduling/rooms/new`);
    expect(refused?.status()).toBe(403);
  });

  it("a parent reserves the piano room for a child in the portal, seeing the cost first and then under My reservations", async () => {
    const page = await sessions.signIn(parent.email, portalBase);
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Practice rooms" }).click();
    await page.getByRole("heading", { name: "Practice rooms", level: 1 }).waitFor();
    await page.getByText("No rooms reserved ahead.").waitFor();
    await sessions.expectAccessible(page);
    await page.getByRole("link", { name: "Free times and reserve: Piano room" }).click();
    await page.getByRole("heading", { name: "Piano room", level: 1 }).waitFor();
    // Tomorrow the owner's reservation shows as taken, without saying whose.
    const day = page.locator(`[data-day="${tomorrow}"]`);
    await day.getByText("Taken").waitFor();
    await day.getByText("Free 09:00–16:00, 17:00–21:00").waitFor();
    await expect(day.getByText("Ada Owner").count()).resolves.toBe(0);
    await sessions.expectAccessible(page);

    await page.getByLabel("Date").fill(tomorrow);
    await page.getByLabel("Start time").fill("18:00");
    await page.getByLabel("Length").selectOption({ label: "1 h · £12.50" });
    await page.getByLabel("For").selectOption({ label: "Ana Rivera" });
    await page.getByText("Cost: £12.50 for 1 h, added to your next invoice").waitFor();
    await Promise.all([page.waitForURL((url) => url.searchParams.has("reserved")), page.getByRole("button", { name: "Reserve the room" }).click()]);
    await page.getByText("Your room is reserved.").waitFor();
    await page.getByText(/^Piano room, .*, 18:00–19:00 for Ana Rivera\. £12\.50 for 1 h, added to your next invoice\.$/).waitFor();
    const mine = page.getByRole("region", { name: "My reservations" });
    await mine.getByText("Piano room · Ana Rivera").waitFor();
    await mine.getByText("£12.50, added to your next invoice").waitFor();
    await sessions.expectAccessible(page);
  });

  it("reserving a taken time shows what is in the way and keeps what was typed", async () => {
    const page = await sessions.signIn(parent.email, `${portalBase}/rooms`);
    await page.getByRole("link", { name: "Free times and reserve: Piano room" }).click();
    await page.getByLabel("Date").fill(tomorrow);
    await page.getByLabel("Start time").fill("16:30");
    await page.getByLabel("Length").selectOption({ label: "30 min · £6.25" });
    await page.getByLabel("For").selectOption({ label: "Ben Rivera" });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Reserve the room" }).click(),
    ]);
    expect(response.status()).toBe(409);
    await page.getByText("That time is taken.").waitFor();
    await page.getByText(/The room is already booked .*, 16:00–17:00\.\s+Choose one of the free times below/).waitFor();
    await expect(page.getByLabel("Start time").inputValue()).resolves.toBe("16:30");
    await expect(page.getByLabel("For").inputValue()).resolves.toBe(ids.ben);
    await page.getByText("Cost: £6.25 for 30 min, added to your next invoice").waitFor();
    await sessions.expectAccessible(page);

    // Their own reservation in the way says so.
    await page.getByLabel("Start time").fill("18:30");
    await page.getByRole("button", { name: "Reserve the room" }).click();
    await page.getByText(/You already have the room reserved .*, 18:00–19:00\./).waitFor();
  });

  it("the parent cancels the reservation after confirming, and the room is free again", async () => {
    const page = await sessions.signIn(parent.email, `${portalBase}/rooms`);
    await page.getByRole("link", { name: /^Cancel Piano room on / }).click();
    await page.getByRole("heading", { name: /^Cancel Piano room on .*18:00–19:00\?$/ }).waitFor();
    await page.getByText("The £12.50 charge comes off your next invoice").waitFor();
    await sessions.expectAccessible(page);
    await page.getByRole("button", { name: "Cancel the reservation" }).click();
    await page.getByText("Reservation cancelled.").waitFor();
    await page.getByRole("region", { name: "My reservations" }).getByText("Cancelled").waitFor();

    const owner = await sessions.signIn(ownerEmail, roomPath);
    await owner.goto(`${site.webUrl}${roomPath}?from=${tomorrow}`);
    const day = owner.locator(`[data-day="${tomorrow}"]`);
    await day.getByText("09:00–16:00, 17:00–21:00", { exact: true }).waitFor();
  });
});
