import { randomUUID } from "node:crypto";
import * as Messaging from "@studiosync/core/messaging";
import { readMail, sendSmtpReply } from "@studiosync/local/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { addTeacher, memberWithRole } from "./support/people";
import { conversationWorld } from "./support/conversation-world";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

type World = Awaited<ReturnType<typeof conversationWorld>>;

const threads = (w: World, token: string, query = "") => api("GET", `/v1/studios/${w.studioId}/threads${query}`, { token });
const start = (w: World, token: string, body: Record<string, unknown>) => api("POST", `/v1/studios/${w.studioId}/threads`, { token, body });
const post = (w: World, token: string, threadId: string, body: string) =>
  api("POST", `/v1/studios/${w.studioId}/threads/${threadId}/messages`, { token, body: { body } });
const open = (w: World, token: string, threadId: string) => api("GET", `/v1/studios/${w.studioId}/threads/${threadId}`, { token });
/** The message mail job, `minutes` from now (its delay is 3 minutes). */
const mailJob = (minutes = 4) => Messaging.sendMessageMail({ now: new Date(Date.now() + minutes * 60_000) });
const replyAddressIn = (mail: { replyTo: string[] }) => mail.replyTo.map((r) => /r-[a-z2-7]+-[a-z2-7]+@[a-z.]+/.exec(r)?.[0]).find(Boolean)!;

describe("conversations", () => {
  let w: World;
  beforeAll(async () => {
    w = await conversationWorld();
  });

  it("a teacher writes to a family; the parent's inbox counts it unread until opened, and the teacher sees it read", async () => {
    const started = await start(w, w.teacher.token, {
      subject: "Leo's scales",
      body: "Please practise G major this week.",
      to: [{ kind: "family", id: w.family.id }],
      studentId: w.student.id,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.participants.map((p: { party: string }) => p.party).sort()).toEqual([w.guardian.party, w.teacher.party].sort());
    expect(started.body.me).toBe(w.teacher.party);
    const threadId = started.body.id as string;

    const inbox = await threads(w, w.guardian.token, `?inbox=${encodeURIComponent(w.guardian.party)}`);
    expect(inbox.status).toBe(200);
    expect(inbox.body.unreadThreads).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({ id: threadId, subject: "Leo's scales", unread: 1, lastSenderName: "Tara " + w.teacher.lastName });

    const opened = await open(w, w.guardian.token, threadId);
    expect(opened.status).toBe(200);
    expect(opened.body.messages[0]).toMatchObject({ body: "Please practise G major this week.", mine: false });
    expect((await threads(w, w.guardian.token)).body.unreadThreads).toBe(0);

    const asTeacher = await open(w, w.teacher.token, threadId);
    expect(asTeacher.body.messages[0].readBy).toEqual(["Paula Lopez"]);

    const answer = await post(w, w.guardian.token, threadId, "Will do!");
    expect(answer.status).toBe(201);
    expect((await threads(w, w.teacher.token)).body).toMatchObject({ unreadThreads: 1, items: [{ id: threadId, unread: 1, preview: "Will do!" }] });
  });

  it("keeps threads to their people: another teacher, another studio and a stranger's family see nothing", async () => {
    const started = await start(w, w.teacher.token, { subject: "Private", body: "Just for the Lopez family.", to: [{ kind: "family", id: w.family.id }] });
    const threadId = started.body.id as string;
    const colleague = await addTeacher(w.owner, { firstName: "Cole" });
    const other = await memberWithRole(w.owner, "teacher", { teacherId: colleague.id });
    expect((await open(w, other.accessToken, threadId)).status).toBe(404);
    expect((await post(w, other.accessToken, threadId, "hi")).status).toBe(404);
    expect((await threads(w, other.accessToken)).body.items).toEqual([]);
    // The colleague teaches no Lopez: writing to the family is refused as if it did not exist.
    const refused = await start(w, other.accessToken, { subject: "Hello", body: "Hi", to: [{ kind: "family", id: w.family.id }] });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe("to.0");
    const stranger: Owner = await ownerWithStudio();
    expect((await api("GET", `/v1/studios/${w.studioId}/threads/${threadId}`, { token: stranger.accessToken })).status).toBe(404);
    expect((await api("GET", `/v1/studios/${stranger.studio.id}/threads/${threadId}`, { token: stranger.accessToken })).status).toBe(404);
    // A parent may not read another inbox; the owner may (as the studio overseeing it).
    expect((await threads(w, w.guardian.token, `?inbox=${encodeURIComponent(w.teacher.party)}`)).status).toBe(403);
    const oversee = await threads(w, w.owner.accessToken, `?inbox=${encodeURIComponent(w.teacher.party)}`);
    expect(oversee.status).toBe(200);
    expect(oversee.body.items.map((t: { id: string }) => t.id)).toContain(threadId);
  });

  it("mails a burst of messages as one email whose reply, sent over SMTP, lands in the thread as the parent", async () => {
    const started = await start(w, w.teacher.token, {
      subject: `Recital ${randomUUID().slice(0, 4)}`,
      body: "The recital is on Saturday.",
      to: [{ kind: "family", id: w.family.id }],
    });
    const threadId = started.body.id as string;
    await post(w, w.teacher.token, threadId, "Please bring the music.");
    await post(w, w.teacher.token, threadId, "And arrive 15 minutes early.");
    expect((await mailJob(1)).mailed).toBe(0);
    await mailJob();
    await mailJob();
    const [mail, ...more] = await readMail(w.guardian.email, { subject: started.body.subject });
    expect(more).toEqual([]);
    expect(mail!.subject).toContain("3 new messages");
    expect(mail!.body.text).toContain("Please bring the music.");
    const replyTo = replyAddressIn(mail!);
    expect(replyTo).toMatch(/@reply\.studiosync\.local$/);

    await sendSmtpReply({
      from: `Paula Lopez <${w.guardian.email}>`,
      to: replyTo,
      subject: `Re: ${mail!.subject}`,
      text: `We'll be there at 9:45.\n\nOn Tue, 3 Dec 2026 at 16:05, Harmony <${replyTo}> wrote:\n> The recital is on Saturday.\n\n--\nPaula\nSent from my iPhone`,
      attachments: [{ filename: "permission.pdf", content: Buffer.from("%PDF-1.4 test"), contentType: "application/pdf" }],
    });
    const thread = await open(w, w.teacher.token, threadId);
    expect(thread.body.messages[0]).toMatchObject({ body: "We'll be there at 9:45.", senderParty: w.guardian.party, via: "email" });
    expect(thread.body.messages[0].attachments).toEqual([{ index: 0, name: "permission.pdf", contentType: "application/pdf", size: 13 }]);
    const file = await api("GET", `/v1/studios/${w.studioId}/threads/${threadId}/messages/${thread.body.messages[0].id}/attachments/0`, {
      token: w.teacher.token,
    });
    expect(file.status).toBe(200);
    expect(await (await fetch(file.body.url)).text()).toBe("%PDF-1.4 test");
  });

  it("refuses replies from anyone else, or to a tampered address, with a polite bounce and nothing posted", async () => {
    const started = await start(w, w.teacher.token, {
      subject: `Lesson notes ${randomUUID().slice(0, 4)}`,
      body: "Notes attached soon.",
      to: [{ kind: "family", id: w.family.id }],
    });
    const threadId = started.body.id as string;
    await mailJob();
    const [mail] = await readMail(w.guardian.email, { subject: started.body.subject });
    const replyTo = replyAddressIn(mail!);
    const stranger = uniqueEmail("stranger").toLowerCase();
    await sendSmtpReply({ from: stranger, to: replyTo, text: "I am not Paula." });
    const [bounce] = await readMail(stranger, { subject: "Not delivered" });
    expect(bounce!.body.text).toContain("other than the one the conversation's email was sent to");
    const tampered = replyTo.replace(/-([a-z2-7])/, (_, c: string) => `-${c === "a" ? "b" : "a"}`);
    await sendSmtpReply({ from: w.guardian.email, to: tampered, text: "Tampered." });
    await readMail(w.guardian.email, { subject: "Not delivered" });
    const thread = await open(w, w.teacher.token, threadId);
    expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual(["Notes attached soon."]);
  });

  it("names bad input: no one to write to, an unknown student, a body too long", async () => {
    const none = await start(w, w.teacher.token, { subject: "x", body: "y", to: [] });
    expect(none.status).toBe(422);
    expect(none.body.errors[0].path).toBe("to");
    const unknown = await start(w, w.teacher.token, { subject: "x", body: "y", to: [{ kind: "student", id: "nobody" }] });
    expect(unknown.body.errors[0].path).toBe("to.0");
    const long = await start(w, w.teacher.token, { subject: "x", body: "y".repeat(10_001), to: [{ kind: "studio" }] });
    expect(long.status).toBe(422);
    expect(long.body.errors[0].path).toBe("body");
  });
});
