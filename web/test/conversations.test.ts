import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Messaging from "@studiosync/core/messaging";
import { readMail, sendSmtpReply } from "@studiosync/local/testing";
import { BrowserSessions, signInApi } from "./support/browser-sessions";
import { acceptInvitation, expectStatus, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * "A parent answers a teacher from their phone's mail app and the teacher reads it in the
 * workspace", in the browser: the teacher writes to the family from the workspace (with a file),
 * the message mail job emails the parent, the parent's reply by email (real SMTP) lands in the
 * thread, the teacher reads it and answers; the parent reads the answer in the portal, sees it was
 * read, and writes to the studio, whose owner finds it in the studio's inbox.
 */
let site: Site;
let sessions: BrowserSessions;
let studioId = "";
let ownerEmail = "";
const teacher = { email: uniqueOwner("conv-teacher").email.toLowerCase() };
const parent = { email: uniqueOwner("conv-parent").email.toLowerCase() };

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Conversation Corner");
  studioId = studio.studioId;
  ownerEmail = studio.email;
  const owner = await signInApi(site.apiUrl, studio.email);
  const param = { studioId };
  const s = owner.v1.studios[":studioId"];
  const clara = await (
    await expectStatus("teacher", s.teachers.$post({ param, json: { firstName: "Clara", lastName: "Weiss", email: teacher.email } }), 201)
  ).json();
  const family = await (await expectStatus("family", s.families.$post({ param, json: { name: "The Patels" } }), 201)).json();
  const guardian = await (
    await expectStatus(
      "guardian",
      s.families[":familyId"].guardians.$post({
        param: { studioId, familyId: family.id },
        json: { firstName: "Priya", lastName: "Patel", relationship: "mother", email: parent.email },
      }),
      201,
    )
  ).json();
  await expectStatus(
    "student",
    s.students.$post({ param, json: { firstName: "Anika", lastName: "Patel", familyId: family.id, primaryTeacherId: clara.id } }),
    201,
  );
  await expectStatus(
    "invite teacher",
    s.invitations.$post({ param, header: {}, json: { email: teacher.email, role: "teacher", teacherId: clara.id } as never }),
    201,
  );
  await expectStatus(
    "invite parent",
    s.invitations.$post({ param, header: {}, json: { email: parent.email, role: "parent", familyId: family.id, guardianId: guardian.id } as never }),
    201,
  );
  await acceptInvitation(site.apiUrl, teacher.email, "Clara Weiss");
  await acceptInvitation(site.apiUrl, parent.email, "Priya Patel");
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("conversations", { timeout: 240_000 }, () => {
  it("a teacher writes, the parent answers by email, the teacher reads it in the workspace; the portal shows the thread", async () => {
    const messages = `/dashboard/studios/${studioId}/messages`;
    const desk = await sessions.signIn(teacher.email, messages);
    await desk.getByText("No conversations yet").waitFor();
    await sessions.expectAccessible(desk);
    await desk.getByRole("link", { name: "New conversation" }).first().click();
    await desk.getByLabel("A family (its parents)").selectOption({ label: "The Patels" });
    await desk.getByLabel("Subject").fill("Spring recital");
    await desk.getByLabel("Message", { exact: true }).fill("Anika will play the Clementi Sonatina.\nPlease practise the first page daily.");
    await desk.getByLabel(/Attach files/).setInputFiles({ name: "sonatina.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 sonatina") });
    await sessions.expectAccessible(desk);
    await Promise.all([desk.waitForURL(/\/messages\/[^/?]+\?saved=started/), desk.getByRole("button", { name: "Send" }).click()]);
    await desk.getByText("The conversation is started").waitFor();
    await desk.getByRole("link", { name: "sonatina.pdf" }).waitFor();
    expect(await desk.getByText("Not read yet").count()).toBe(1);
    await sessions.expectAccessible(desk);
    const threadPath = new URL(desk.url()).pathname;
    const threadId = threadPath.split("/").pop()!;

    // Three minutes on, the parent is emailed; her phone's mail app answers it.
    await Messaging.sendMessageMail({ now: new Date(Date.now() + 4 * 60_000) });
    const [mail] = await readMail(parent.email, { subject: "Spring recital" });
    expect(mail!.body.text).toContain("Clementi Sonatina");
    expect(mail!.body.text).toContain(`/portal/studios/${studioId}/messages/${threadId}`);
    const replyTo = mail!.replyTo.map((r) => /r-[a-z2-7-]+@[a-z.]+/.exec(r)?.[0]).find(Boolean)!;
    await sendSmtpReply({
      from: parent.email,
      to: replyTo,
      subject: "Re: Spring recital",
      text: "Lovely, she'll bring the book.\n\nSent from my iPhone\n\n> Anika will play",
    });

    await desk.goto(`${site.webUrl}${messages}`);
    await desk.getByText("1 unread", { exact: true }).waitFor();
    await desk.getByRole("link", { name: /Spring recital/ }).click();
    await desk.getByText("Lovely, she'll bring the book.").waitFor();
    await desk.getByText("· by email").first().waitFor();
    expect(await desk.getByText("Sent from my iPhone").count()).toBe(0);
    await desk.getByLabel("Your reply").fill("Perfect, see you Monday!");
    await Promise.all([desk.waitForURL(/saved=sent/), desk.getByRole("button", { name: "Send" }).click()]);
    await desk.getByText("Perfect, see you Monday!").waitFor();

    // The parent reads it in the portal; the teacher then sees her message read.
    const home = await sessions.signIn(parent.email, `/portal/studios/${studioId}/messages`);
    await home.getByText("1 unread", { exact: true }).waitFor();
    await sessions.expectAccessible(home);
    await home.getByRole("link", { name: /Spring recital/ }).click();
    await home.getByText("Perfect, see you Monday!").waitFor();
    await sessions.expectAccessible(home);
    const file = await home.request.get(`${site.webUrl}/portal/studios/${studioId}/messages/${threadId}/files/${await firstFileMessage(home)}/0`);
    expect(await file.text()).toBe("%PDF-1.4 sonatina");
    await desk.reload();
    await desk.getByText("Read by Priya Patel").first().waitFor();

    // She writes to the studio; the owner finds it in the studio's inbox.
    await home.goto(`${site.webUrl}/portal/studios/${studioId}/messages/new`);
    await home.getByLabel("Subject").fill("Invoice question");
    await home.getByLabel("Message", { exact: true }).fill("Is the deposit on the next invoice?");
    await sessions.expectAccessible(home);
    await Promise.all([home.waitForURL(/saved=started/), home.getByRole("button", { name: "Send" }).click()]);
    const office = await sessions.signIn(ownerEmail, messages);
    await office.getByRole("link", { name: /Invoice question/ }).click();
    await office.getByText("Is the deposit on the next invoice?").waitFor();
    await sessions.expectAccessible(office);
    // The owner finds Clara's conversations by her name.
    await office.goto(`${site.webUrl}${messages}`);
    await office.getByLabel("Conversations with").selectOption({ label: "Clara Weiss (teacher)" });
    await Promise.all([office.waitForURL(/with=teacher/), office.getByRole("button", { name: "Show" }).click()]);
    await office.getByRole("link", { name: /Spring recital/ }).waitFor();
    expect(await office.getByRole("link", { name: /Invoice question/ }).count()).toBe(0);
    await sessions.expectAccessible(office);
  });
});

/** The id of the message carrying the thread's file (its link's path names it). */
async function firstFileMessage(page: import("playwright-core").Page) {
  const href = await page.getByRole("link", { name: "sonatina.pdf" }).getAttribute("href");
  return href!.split("/files/")[1]!.split("/")[0]!;
}
