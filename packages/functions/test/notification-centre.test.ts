import { randomUUID } from "node:crypto";
import * as Messaging from "@studiosync/core/messaging";
import * as Notifications from "@studiosync/core/notifications";
import { addDays, localParts } from "@studiosync/core/kernel";
import { outboxDrained, readMail } from "@studiosync/local/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { addStudent, addTeacher, memberWithRole } from "./support/people";

/** The message mail job, `minutes` from now (its delay is 3 minutes). */
const mailJob = (minutes = 4) => Messaging.sendMessageMail({ now: new Date(Date.now() + minutes * 60_000) });

interface Notice {
  id: string;
  type: string;
  title: string;
  count: number;
  read: boolean;
  link: string | null;
  studio: { id: string; name: string };
}

/** A studio with a teacher (signed in) and a family whose guardian signs in with the address the studio mails. */
async function world() {
  const owner = await ownerWithStudio({ studioName: `Bell Studio ${randomUUID().slice(0, 4)}` });
  const studioId = owner.studio.id;
  const teacher = await addTeacher(owner, { firstName: "Tara", email: uniqueEmail("teacher") });
  const teacherLogin = await memberWithRole(owner, "teacher", { teacherId: teacher.id });
  const family = await api("POST", `/v1/studios/${studioId}/families`, { token: owner.accessToken, body: { name: "Bell Family" } });
  const parent = await memberWithRole(owner, "parent", { familyId: family.body.id });
  const guardian = await api("POST", `/v1/studios/${studioId}/families/${family.body.id}/guardians`, {
    token: owner.accessToken,
    body: { firstName: "Pia", lastName: "Bell", relationship: "mother", email: parent.email },
  });
  expect(guardian.status, JSON.stringify(guardian.body)).toBe(201);
  const student = await addStudent(owner, { firstName: "Ben", familyId: family.body.id, primaryTeacherId: teacher.id });
  return { owner, studioId, teacher: teacherLogin, family: family.body.id as string, parent, student };
}
type World = Awaited<ReturnType<typeof world>>;

const notices = (token: string) => api("GET", "/v1/me/notifications", { token });

/** Polls the centre until `done` holds (the stream consumer files notices right after the commit). */
async function noticesUntil(token: string, done: (items: Notice[]) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await notices(token);
    expect(res.status).toBe(200);
    if (done(res.body.items) || Date.now() > deadline) return res.body as { items: Notice[]; unread: number; nextCursor: string | null };
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function startThread(w: World, subject: string, messages: string[]) {
  const started = await api("POST", `/v1/studios/${w.studioId}/threads`, {
    token: w.teacher.accessToken,
    body: { subject, body: messages[0], to: [{ kind: "family", id: w.family }] },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  for (const body of messages.slice(1))
    await api("POST", `/v1/studios/${w.studioId}/threads/${started.body.id}/messages`, { token: w.teacher.accessToken, body: { body } });
  return started.body.id as string;
}

const post = (w: World, threadId: string, body: string) =>
  api("POST", `/v1/studios/${w.studioId}/threads/${threadId}/messages`, { token: w.teacher.accessToken, body: { body } });

const setPreferences = (token: string, body: Record<string, unknown>) => api("PUT", "/v1/me/preferences", { token, body });

describe("the notification centre and per-channel preferences", { timeout: 90_000 }, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("files what an email told a signed-in person, one entry per subject and day however many runs mail it, until read", async () => {
    const subject = `Scales ${randomUUID().slice(0, 4)}`;
    const threadId = await startThread(w, subject, ["Practise G major.", "And D major."]);
    await mailJob();
    await readMail(w.parent.email, { subject });
    const first = await noticesUntil(w.parent.accessToken, (items) => items.some((n) => n.title.includes(subject)));
    const entry = first.items.find((n) => n.title.includes(subject))!;
    expect(entry).toMatchObject({ type: "messages", count: 1, read: false, studio: { id: w.studioId } });
    expect(entry.title).toBe(`2 new messages: ${subject}`);
    expect(entry.link).toMatch(new RegExp(`^/.*${threadId}`));
    expect(first.unread).toBe(1);
    expect((await api("GET", "/v1/me", { token: w.parent.accessToken })).body.unreadNotifications).toBe(1);

    // A second run of the mail job with a new message: a second email, the same entry counted twice.
    await post(w, threadId, "And A major.");
    await mailJob();
    await readMail(w.parent.email, { subject, count: 2 });
    const second = await noticesUntil(w.parent.accessToken, (items) => items.some((n) => n.title.includes(subject) && n.count === 2));
    expect(second.items.filter((n) => n.title.includes(subject))).toHaveLength(1);
    const again = second.items.find((n) => n.title.includes(subject))!;
    expect(again).toMatchObject({ id: entry.id, count: 2, read: false });
    expect(again.title).toMatch(/^New message from Tara /);
    // Running the job again mails nothing and files nothing.
    expect((await mailJob()).mailed).toBe(0);

    // Marking it read (twice changes nothing), and another's id does nothing to it.
    const stranger = await ownerWithStudio();
    expect((await api("POST", "/v1/me/notifications/read", { token: stranger.accessToken, body: { ids: [entry.id] } })).body).toEqual({ unread: 0 });
    expect((await notices(w.parent.accessToken)).body.unread).toBe(1);
    for (let i = 0; i < 2; i++) {
      const read = await api("POST", "/v1/me/notifications/read", { token: w.parent.accessToken, body: { ids: [entry.id] } });
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ unread: 0 });
    }
    expect((await notices(w.parent.accessToken)).body.items.find((n: Notice) => n.id === entry.id).read).toBe(true);
    // Others' centres hold none of it: the teacher who wrote, and a stranger.
    expect((await notices(w.teacher.accessToken)).body.items.some((n: Notice) => n.title.includes(subject))).toBe(false);
    expect((await notices(stranger.accessToken)).body.items).toEqual([]);

    const bad = await api("POST", "/v1/me/notifications/read", { token: w.parent.accessToken, body: {} });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("ids");
    expect((await api("GET", "/v1/me/notifications")).status).toBe(401);
  });

  it("honours the channels: in the daily digest instead of each email, out of the app, and essential mail always emailed", async () => {
    const prefs = await api("GET", "/v1/me/preferences", { token: w.parent.accessToken });
    expect(prefs.status).toBe(200);
    const studio = prefs.body.studios.find((s: { studio: { id: string } }) => s.studio.id === w.studioId);
    const byType = Object.fromEntries(studio.preferences.map((p: { type: string }) => [p.type, p]));
    expect(byType.messages).toMatchObject({ email: "immediate", inApp: true, essential: false, emailChoices: ["immediate", "digest", "off"] });
    expect(byType.invoices).toMatchObject({ email: "immediate", inApp: true, essential: true, emailChoices: ["immediate"] });
    expect(byType["calendar-invites"]).toMatchObject({ inApp: null, emailChoices: ["immediate", "off"] });

    const refused = await setPreferences(w.parent.accessToken, {
      studioId: w.studioId,
      preferences: { invoices: { email: "off" }, "calendar-invites": { email: "digest", inApp: true } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "preferences.calendar-invites.email",
      "preferences.calendar-invites.inApp",
      "preferences.invoices.email",
    ]);
    const stranger = await ownerWithStudio();
    expect((await setPreferences(w.parent.accessToken, { studioId: stranger.studio.id, preferences: { messages: { email: "digest" } } })).status).toBe(404);
    expect((await setPreferences(w.parent.accessToken, { studioId: w.studioId, preferences: { nonsense: {} } })).status).toBe(422);

    const digest = await setPreferences(w.parent.accessToken, { studioId: w.studioId, preferences: { messages: { email: "digest" } } });
    expect(digest.status).toBe(200);
    expect(
      digest.body.studios.find((s: { studio: { id: string } }) => s.studio.id === w.studioId).preferences.find((p: { type: string }) => p.type === "messages"),
    ).toMatchObject({
      email: "digest",
      inApp: true,
    });
    // The unsubscribe links read the same preference: a digest still counts as subscribed.
    expect(await Notifications.isOptedOut(w.studioId, w.parent.email, "messages")).toBe(true);

    const subject = `Recital music ${randomUUID().slice(0, 4)}`;
    await startThread(w, subject, ["Bring the Bach."]);
    expect((await mailJob()).mailed).toBe(0);
    const held = await noticesUntil(w.parent.accessToken, (items) => items.some((n) => n.title.includes(subject)));
    expect(held.items.find((n) => n.title.includes(subject))).toMatchObject({ count: 1, read: false });

    // The digest job at its hour: one email with the day's entries; run again, nothing more.
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const run = await Notifications.sendNoticeDigests({ now: tomorrow });
    expect(run.digests).toBeGreaterThanOrEqual(1);
    const [mail, ...more] = await readMail(w.parent.email, { subject: "Your day at" });
    expect(more).toEqual([]);
    expect(mail!.subject).toContain(`New message from`);
    expect(mail!.body.text).toContain(subject);
    expect(mail!.body.text).toContain("/notifications");
    await Notifications.sendNoticeDigests({ now: tomorrow });
    expect(await readMail(w.parent.email, { subject: "Your day at", count: 0 })).toHaveLength(1);
    expect(await readMail(w.parent.email, { subject, count: 0 })).toEqual([]);

    // Out of the app, back to each email: the email comes, the centre does not change.
    await setPreferences(w.parent.accessToken, { studioId: w.studioId, preferences: { messages: { email: "immediate", inApp: false } } });
    const quiet = `Quiet ${randomUUID().slice(0, 4)}`;
    await startThread(w, quiet, ["Only by email."]);
    await mailJob();
    await readMail(w.parent.email, { subject: quiet });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await notices(w.parent.accessToken)).body.items.some((n: Notice) => n.title.includes(quiet))).toBe(false);

    // Back to the defaults: the stored preference goes away.
    await setPreferences(w.parent.accessToken, { studioId: w.studioId, preferences: { messages: { inApp: true } } });
    expect(await Notifications.isOptedOut(w.studioId, w.parent.email, "messages")).toBe(false);
  });

  it("files an event's invitation as an entry opening the event in the portal, also for someone who stopped event emails", async () => {
    expect((await setPreferences(w.parent.accessToken, { studioId: w.studioId, preferences: { events: { email: "off" } } })).status).toBe(200);
    const title = `Recital ${randomUUID().slice(0, 4)}`;
    const made = await api("POST", `/v1/studios/${w.studioId}/events`, {
      token: w.owner.accessToken,
      body: {
        title,
        kind: "recital",
        date: addDays(localParts(new Date(), "Europe/London").date, 20),
        startTime: "19:00",
        endTime: "20:00",
        audience: { kind: "everyone" },
        visibility: "members",
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const centre = await noticesUntil(w.parent.accessToken, (items) => items.some((n) => n.type === "events"));
    const entry = centre.items.find((n) => n.type === "events")!;
    expect(entry.title).toContain(title);
    expect(entry.link).toBe(`/portal/studios/${w.studioId}/events/${made.body.id}`);
    // The email itself was held: nothing reached the parent's address.
    await outboxDrained(w.studioId);
    const store = await fetch(`${process.env.SES_ENDPOINT}/store`).then(
      (r) => r.json() as Promise<{ emails: { subject: string; destination: { to: string[] } }[] }>,
    );
    expect(store.emails.filter((m) => m.subject.includes(title) && m.destination.to.join().toLowerCase().includes(w.parent.email.toLowerCase()))).toEqual([]);
  });
});
