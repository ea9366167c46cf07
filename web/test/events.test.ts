import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { extractLink, readMail } from "@studiosync/local/testing";
import { BrowserSessions, signInApi } from "./support/browser-sessions";
import { seedFamilyWithParent, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * Studio events in the browser: an owner publishes a public spring recital with a capacity; the
 * parent answers for their child in the portal and for themself from the invitation's emailed link;
 * a visitor replies on the studio's public page; the owner sees who is coming and the seats taken,
 * then cancels it, and those coming are told by email.
 */
let site: Site;
let sessions: BrowserSessions;
let studioId = "";
let slug = "";
let ownerEmail = "";
const parent = { email: uniqueOwner("event-parent").email.toLowerCase() };
const visitor = { email: uniqueOwner("event-visitor").email.toLowerCase() };
const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Recital Hall");
  studioId = studio.studioId;
  slug = studio.slug;
  ownerEmail = studio.email;
  const owner = await signInApi(site.apiUrl, studio.email);
  await seedFamilyWithParent(site.apiUrl, owner, studioId, { surname: "Okafor", parent: "Ada", child: "Mia", email: parent.email });
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("studio events", { timeout: 240_000 }, () => {
  it("an owner publishes a public recital; a parent and a visitor answer; the owner sees the counts and cancels it", async () => {
    const list = `/dashboard/studios/${studioId}/events`;
    const desk = await sessions.signIn(ownerEmail, list);
    await desk.getByRole("heading", { name: "Events", level: 1 }).waitFor();
    await sessions.expectAccessible(desk);
    await desk.getByRole("link", { name: "New event" }).first().click();
    await desk.getByLabel("Title").fill("Spring recital");
    await desk.getByLabel("Description").fill("Every student plays one piece.");
    await desk.getByLabel("Where").fill("The main hall");
    await desk.getByLabel("Day", { exact: true }).fill(day);
    await desk.getByLabel("Starts").fill("19:00");
    await desk.getByLabel("Ends").fill("20:30");
    await desk.getByLabel("Everyone: families, students and teachers").check();
    await desk.getByLabel("Public: on the studio's page").check();
    await desk.getByLabel(/^Seats/).fill("30");
    await desk.getByLabel(/^Guests each/).fill("2");
    await desk.getByLabel(/^Add files/).setInputFiles({ name: "programme.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 the programme") });
    await sessions.expectAccessible(desk);
    await Promise.all([desk.waitForURL(/\/events\/[^/?]+\?saved=published/), desk.getByRole("button", { name: "Publish event" }).click()]);
    await desk.getByText("The invitation is on its way to 1 address").waitFor();
    const eventPage = new URL(desk.url()).pathname;
    await sessions.expectAccessible(desk);

    // The parent answers for their child in the portal.
    const portal = await sessions.signIn(parent.email, `/portal/studios/${studioId}/events`);
    await portal.getByRole("link", { name: "Spring recital" }).first().waitFor();
    await sessions.expectAccessible(portal);
    await portal.getByRole("link", { name: "Answer for Spring recital" }).click();
    const file = await portal.getByRole("link", { name: "programme.pdf" }).getAttribute("href");
    expect(await (await portal.request.get(`${site.webUrl}${file}`)).text()).toBe("%PDF-1.4 the programme");
    const mia = portal.locator("form", { has: portal.getByText("Mia Okafor's answer") });
    await mia.getByLabel("Yes, coming").check();
    await mia.getByLabel("Guests coming along").fill("1");
    await Promise.all([portal.waitForURL(/saved=answered/), mia.getByRole("button", { name: "Save Mia's answer" }).click()]);
    await portal.getByText("Thank you: your answer is saved.").waitFor();
    await portal.getByText("Coming + 1").waitFor();
    await sessions.expectAccessible(portal);

    // And for themself from the invitation: opening the link changes nothing, its button answers.
    const [invitation] = await readMail(parent.email, { subject: "You're invited: Spring recital" });
    expect(invitation!.body.text).toContain("19:00–20:30 (Europe/London)");
    const yes = extractLink(invitation!.body.text ?? "", `/${slug}/act/event/`);
    const action = await sessions.newPage();
    await action.goto(yes);
    await action.getByText("For Ada Okafor").waitFor();
    expect(await action.getByLabel("Yes, coming").isChecked()).toBe(true);
    await sessions.expectAccessible(action);
    await Promise.all([action.waitForURL(/done=yes/), action.getByRole("button", { name: "Send my answer" }).click()]);
    await action.getByText("Thank you: see you there!").waitFor();

    // A visitor replies on the studio's public page.
    const page = await sessions.newPage();
    await page.goto(`${site.webUrl}/${slug}`);
    await page.getByRole("heading", { name: "Upcoming events" }).waitFor();
    await page.getByRole("link", { name: "Reply to Spring recital" }).click();
    await page.getByRole("heading", { name: "Spring recital", level: 1 }).waitFor();
    await sessions.expectAccessible(page);
    await page.getByLabel("Your name").fill("Vera Visitor");
    await page.getByLabel("Your email").fill(visitor.email);
    await page.getByLabel("Yes, coming").check();
    await page.getByLabel("Guests coming along").fill("2");
    await Promise.all([page.waitForURL(/answered=yes/), page.getByRole("button", { name: "Send my reply" }).click()]);
    await page.getByText("Thank you: your reply is with the studio.").waitFor();
    await sessions.expectAccessible(page);
    const [confirmation] = await readMail(visitor.email, { subject: "Your RSVP: Spring recital" });
    expect(confirmation!.body.text).toContain("yes, coming with 2 guests");

    // The owner sees who is coming: Mia + 1, Ada, Vera + 2 = 6 of 30 seats.
    await desk.goto(`${site.webUrl}${eventPage}`);
    await desk.getByText("6 of 30").waitFor();
    await desk.getByRole("cell", { name: "Mia Okafor" }).waitFor();
    await desk.getByRole("cell", { name: "Vera Visitor" }).waitFor();
    await desk.getByText("24 of 30 seats left").waitFor();
    await sessions.expectAccessible(desk);

    await desk.getByRole("link", { name: "Cancel event" }).click();
    await desk.getByText("3 answers (yes or maybe) will be told by email").waitFor();
    await sessions.expectAccessible(desk);
    await Promise.all([desk.waitForURL(/saved=cancelled/), desk.getByRole("button", { name: "Cancel the event and tell 3" }).click()]);
    await desk.getByText("Cancelled. Everyone who said yes or maybe has been told by email.").waitFor();
    const [cancelled] = await readMail(visitor.email, { subject: "Cancelled: Spring recital" });
    expect(cancelled!.body.text).toContain("has cancelled Spring recital");
  });
});
