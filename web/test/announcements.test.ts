import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { extractLink, readMail } from "@studiosync/local/testing";
import { BrowserSessions, signInApi } from "./support/browser-sessions";
import { seedFamilyWithParent, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * "An owner announces the spring recital to all families and sees who got it", in the browser: the
 * owner writes it, previews whom it reaches, sends themself a test, sends it, and follows it to
 * "Delivered"; the parent opens the email's link and reads it in the portal, which the owner then
 * sees as read. A draft can be changed and deleted.
 */
let site: Site;
let sessions: BrowserSessions;
let studioId = "";
let ownerEmail = "";
const parent = { email: uniqueOwner("news-parent").email.toLowerCase() };

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Announcement Hall");
  studioId = studio.studioId;
  ownerEmail = studio.email;
  const owner = await signInApi(site.apiUrl, studio.email);
  await seedFamilyWithParent(site.apiUrl, owner, studioId, { surname: "Okafor", parent: "Ada", child: "Chidi", email: parent.email });
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("announcements", { timeout: 240_000 }, () => {
  it("the owner announces the recital to all families, previews and tests it, and sees it delivered and read", async () => {
    const list = `/dashboard/studios/${studioId}/announcements`;
    const desk = await sessions.signIn(ownerEmail, list);
    await desk.getByText("No announcements yet").waitFor();
    await sessions.expectAccessible(desk);
    await desk.getByRole("link", { name: "New announcement" }).first().click();
    await desk.getByLabel("Subject").fill("Spring recital");
    await desk.getByLabel("Announcement", { exact: true }).fill("Our spring recital is on Saturday 20 March at 3 pm.\nEvery student plays one piece.");
    await desk.getByLabel("All families (and adult students)").check();

    await desk.getByRole("button", { name: "Preview" }).click();
    await desk.getByRole("heading", { name: "Preview" }).waitFor();
    expect(await desk.locator(".preview").innerText()).toContain("All families: 1 person now, 1 by email");
    await desk.locator(".preview .email").getByText("Every student plays one piece.").waitFor();
    await sessions.expectAccessible(desk);

    await desk.getByRole("button", { name: "Send me a test" }).click();
    await desk.getByText("Test sent").waitFor();
    const [test] = await readMail(ownerEmail, { subject: "[Test] Spring recital" });
    expect(test!.body.text).toContain("only you received it");

    // One family: the request itself hands its one email over, so it is sent at once.
    await Promise.all([desk.waitForURL(/\/announcements\/[^/?]+\?saved=sent/), desk.getByRole("button", { name: "Send or schedule" }).click()]);
    await desk.getByText("every email is on its way").waitFor();
    await sessions.expectAccessible(desk);
    // The delivery comes back from SES as an event: the page shows it once it has.
    await expect
      .poll(
        async () => {
          await desk.reload();
          return desk.locator(".counts").innerText();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toContain("Delivered: 1");
    await desk.getByRole("cell", { name: "Ada Okafor" }).waitFor();

    const [mail] = await readMail(parent.email, { subject: "Spring recital" });
    expect(mail!.body.text).toContain("Hi Ada,");
    const link = extractLink(mail!.body.text ?? "", `/portal/studios/${studioId}/announcements/`);
    const home = await sessions.signIn(parent.email, new URL(link).pathname);
    await home.getByRole("heading", { name: "Spring recital" }).waitFor();
    await home.getByText("Every student plays one piece.").waitFor();
    await sessions.expectAccessible(home);
    await home.getByRole("link", { name: "Announcements" }).first().click();
    await home.getByRole("link", { name: "Spring recital" }).waitFor();
    expect(await home.getByText("New", { exact: true }).count()).toBe(0);

    await desk.reload();
    await desk.getByText("Read in the app: 1").waitFor();
  });

  it("a draft waits unsent, can be changed into a scheduled announcement, and called off", async () => {
    const desk = await sessions.signIn(ownerEmail, `/dashboard/studios/${studioId}/announcements/new`);
    await desk.getByLabel("Subject").fill("Half-term closure");
    await desk.getByLabel("Announcement", { exact: true }).fill("The studio is closed next week.");
    await desk.getByLabel("All families (and adult students)").check();
    await Promise.all([desk.waitForURL(/saved=draft/), desk.getByRole("button", { name: "Save draft" }).click()]);
    await desk.getByText("Saved as a draft").waitFor();
    await desk.getByRole("link", { name: "Change" }).click();
    expect(await desk.getByLabel("Subject").inputValue()).toBe("Half-term closure");
    await desk.getByLabel("Later, on").check();
    await desk.getByLabel("Day").fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await desk.getByLabel(/^Time/).fill("09:30");
    await Promise.all([desk.waitForURL(/saved=scheduled/), desk.getByRole("button", { name: "Send or schedule" }).click()]);
    await desk.getByText("Goes out").first().waitFor();
    await Promise.all([desk.waitForURL(/saved=cancelled/), desk.getByRole("button", { name: "Call it off" }).click()]);
    await desk.getByText("Called off").first().waitFor();
  });
});
