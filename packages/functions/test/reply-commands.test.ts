import * as Scheduling from "@studiosync/core/scheduling";
import { outboxDrained, readMail, sendSmtpReply } from "@studiosync/local/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { conversationWorld } from "./support/conversation-world";
import { booked, futureAt } from "./support/lessons";

type World = Awaited<ReturnType<typeof conversationWorld>>;
const DAY = 86_400_000;
const replyAddressIn = (mail: { replyTo: string[] }) => mail.replyTo.map((r) => /r-[a-z2-7]+-[a-z2-7]+@[a-z.]+/.exec(r)?.[0]).find(Boolean)!;

/**
 * Reply commands: a private lesson's reminder is Reply-To the guardian's own reply address; their
 * reply, sent over real SMTP, acts on the lesson ("confirm", "cancel"), is asked about when it
 * could mean either, or reaches the studio as a message.
 */
describe("reply commands on a lesson's reminder", () => {
  let w: World;
  let lessonId = "";
  let replyTo = "";
  let subject = "";
  const lessonOf = async () => (await Scheduling.scheduleDb().entities.lesson.get({ studioId: w.studioId, lessonId }).go({ consistent: true })).data!;

  beforeAll(async () => {
    w = await conversationWorld();
    const start = futureAt(3, 15);
    const lesson = await booked(w.owner, { teacherId: w.teacher.id, studentId: w.student.id, scheduledStart: start });
    lessonId = lesson.id;
    await Scheduling.sendLessonReminders({ now: new Date(Date.parse(start) - DAY + 60_000) });
    const [reminder] = await readMail(w.guardian.email, { subject: "Reminder" });
    expect(reminder!.body.text).toContain("You can also reply to this email");
    replyTo = replyAddressIn(reminder!);
    subject = `Re: ${reminder!.subject}`;
  });

  const reply = (text: string, from = w.guardian.email) =>
    sendSmtpReply({ from, to: replyTo, subject, text: `${text}\n\nOn Mon, the studio wrote:\n> Reminder` });

  it("'confirm' records the family's confirmation", async () => {
    expect(replyTo).toMatch(/@reply\.studiosync\.local$/);
    await reply("Confirm");
    expect(await lessonOf()).toMatchObject({ status: "scheduled", confirmedBy: w.guardian.email, confirmedAt: expect.any(String) });
  });

  it("asks about a reply that could mean cancelling, and changes nothing", async () => {
    await reply("Should we cancel?");
    const [question] = await readMail(w.guardian.email, { subject: /^Re: Reminder/ });
    expect(question!.body.text).toContain("nothing has changed");
    expect((await lessonOf()).status).toBe("scheduled");
  });

  it("passes anything else to the studio as a conversation, and later replies go on in it", async () => {
    await reply("Could Leo bring his own music stand?");
    await reply("And a pencil?");
    const inbox = await api("GET", `/v1/studios/${w.studioId}/threads?inbox=studio`, { token: w.owner.accessToken });
    const thread = inbox.body.items.find((t: { preview: string }) => t.preview === "And a pencil?");
    expect(thread).toBeTruthy();
    const opened = await api("GET", `/v1/studios/${w.studioId}/threads/${thread.id}`, { token: w.owner.accessToken });
    expect(opened.body.messages.map((m: { body: string; via: string }) => [m.body, m.via])).toEqual([
      ["And a pencil?", "email"],
      ["Could Leo bring his own music stand?", "email"],
    ]);
    expect((await lessonOf()).status).toBe("scheduled");
  });

  it("'cancel' cancels under the policy, with the outcome emailed; a second 'cancel' does nothing", async () => {
    await reply("Sorry, we can't make it");
    const cancelled = await lessonOf();
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancellation).toMatchObject({ by: "student", reason: "Cancelled by replying to the lesson's email" });
    const [notice] = await readMail(w.guardian.email, { subject: "Lesson cancelled" });
    expect(notice!.body.text).toContain(cancelled.cancellation!.explanation);

    await reply("cancel");
    await outboxDrained(w.studioId);
    expect((await lessonOf()).cancellation).toEqual(cancelled.cancellation);
    expect(await readMail(w.guardian.email, { subject: "Lesson cancelled" })).toHaveLength(1);
  });

  it("refuses the same commands from anyone else", async () => {
    await reply("confirm", "someone@else.test");
    await readMail("someone@else.test", { subject: "Not delivered" });
  });
});
