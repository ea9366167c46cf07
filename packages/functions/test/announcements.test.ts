import { randomUUID } from "node:crypto";
import * as Messaging from "@studiosync/core/messaging";
import { setPreference } from "@studiosync/core/notifications";
import { outboxDrained, readMail, type SentMail } from "@studiosync/local/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { conversationWorld } from "./support/conversation-world";
import { seedStudents } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

type World = Awaited<ReturnType<typeof conversationWorld>>;

const base = (w: World) => `/v1/studios/${w.studioId}/announcements`;
const announce = (w: World, body: Record<string, unknown>, token = w.owner.accessToken) => api("POST", base(w), { token, body });
const view = (w: World, id: string, token = w.owner.accessToken, query = "") => api("GET", `${base(w)}/${id}${query}`, { token });
const job = (minutes = 0) => Messaging.sendAnnouncements({ now: new Date(Date.now() + minutes * 60_000) });
const recital = () => ({ subject: `Spring recital ${randomUUID().slice(0, 6)}`, body: "Our spring recital is on 20 March at 3 pm.\nFamilies welcome!" });

/** Waits (polling, no fixed sleep) until the announcement's counts satisfy `done`. */
async function countsUntil(w: World, id: string, done: (counts: Record<string, number>) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await view(w, id);
    const counts = body.announcement?.counts as Record<string, number> | null;
    if (counts && done(counts)) return body.announcement;
    if (Date.now() > deadline) throw new Error(`Counts still ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Every mail SES local holds with this subject, by recipient. */
async function mailBySubject(subject: string): Promise<Map<string, SentMail[]>> {
  const response = await fetch(`${process.env.SES_ENDPOINT}/store`);
  const { emails } = (await response.json()) as { emails: SentMail[] };
  const by = new Map<string, SentMail[]>();
  for (const mail of emails.filter((m) => m.subject === subject)) {
    const to = mail.destination.to[0]!.toLowerCase().replace(/^.*<|>$/g, "");
    by.set(to, [...(by.get(to) ?? []), mail]);
  }
  return by;
}

describe("announcements", () => {
  let w: World;
  beforeAll(async () => {
    w = await conversationWorld();
  });

  it("an announcement to 500 people goes out once each, with every copy's delivery state and a simulated bounce", { timeout: 180_000 }, async () => {
    const big = await conversationWorld();
    const tag = randomUUID().slice(0, 6);
    await seedStudents(big.studioId, 498, (i) => (i === 7 ? `bounce+${tag}@simulator.amazonses.com` : `bulk${i}-${tag}@example.test`));
    const text = recital();
    const sent = await announce(big, { ...text, audience: { kind: "families" } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    // The guardian, the family's child (no address, no login: not reached) and the 498 students with addresses; not the teacher.
    expect(sent.body).toMatchObject({ status: "sending", recipientCount: 499, emailCount: 499, audience: { kind: "families", label: "All families" } });
    expect(sent.body.queuedCount).toBe(200);
    // The job hands over the rest (a minute's worth of the send rate fits them all); running it again hands over nothing more.
    expect((await job()).queued).toBeGreaterThanOrEqual(299);
    expect((await job()).queued).toBe(0);
    const listed = await api("GET", base(big), { token: big.owner.accessToken });
    expect(listed.body.sent[0]).toMatchObject({ id: sent.body.id, status: "sent", queuedCount: 499 });

    // Every copy sent, then delivered or bounced as SES's events come back (no outbox polling: 499 whole messages a read).
    const done = await countsUntil(big, sent.body.id, (c) => (c.delivered ?? 0) + (c.bounced ?? 0) === 499, 150_000);
    expect(done.counts).toMatchObject({ delivered: 498, bounced: 1, queued: 0, sent: 0, failed: 0 });
    const bounced = await view(big, sent.body.id, big.owner.accessToken, "?status=bounced");
    expect(bounced.body.announcement.recipients).toEqual([expect.objectContaining({ email: `bounce+${tag}@simulator.amazonses.com`, status: "bounced" })]);
    expect(bounced.body.announcement.recipients[0].detail).toContain("550");

    const mail = await mailBySubject(text.subject);
    expect(mail.size).toBe(499);
    expect([...mail.values()].every((copies) => copies.length === 1)).toBe(true);
    const guardianCopy = mail.get(big.guardian.email)![0]!;
    expect(guardianCopy.body.text).toContain("Hi Paula,");
    expect(guardianCopy.body.text).toContain("Families welcome!");
    expect(guardianCopy.body.text).toContain(`/portal/studios/${big.studioId}/announcements/${sent.body.id}`);
    expect(guardianCopy.headers?.find((h) => h.name === "List-Unsubscribe")).toBeTruthy();
  });

  it("the family reads it in the app (marked read); the teacher is not in 'families'; other studios and outsiders see nothing", async () => {
    const sent = await announce(w, { ...recital(), audience: { kind: "families" }, email: false });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: "sent", recipientCount: 1, emailCount: 0 });
    const inbox = await api("GET", base(w), { token: w.guardian.token });
    expect(inbox.body).toMatchObject({ box: "received", received: [{ id: sent.body.id, read: false }] });
    const read = await view(w, sent.body.id, w.guardian.token);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ kind: "recipient", received: { subject: sent.body.subject, authorName: expect.any(String) } });
    expect((await api("GET", base(w), { token: w.guardian.token })).body.received[0].read).toBe(true);
    const owner = await view(w, sent.body.id);
    expect(owner.body.announcement.counts).toMatchObject({ "in-app": 1, read: 1 });

    expect((await view(w, sent.body.id, w.teacher.token)).status).toBe(404);
    expect((await api("GET", base(w), { token: w.teacher.token })).body.received.map((a: { id: string }) => a.id)).not.toContain(sent.body.id);
    expect((await api("GET", `${base(w)}?box=sent`, { token: w.teacher.token })).status).toBe(403);
    expect((await announce(w, { ...recital(), audience: { kind: "everyone" } }, w.teacher.token)).status).toBe(403);
    const stranger: Owner = await ownerWithStudio();
    expect((await api("GET", `${base(w)}/${sent.body.id}`, { token: stranger.accessToken })).status).toBe(404);
    expect((await api("GET", `/v1/studios/${stranger.studio.id}/announcements/${sent.body.id}`, { token: stranger.accessToken })).status).toBe(404);
  });

  it("refuses what cannot be sent, naming the field, and writes nothing", async () => {
    const before = (await api("GET", base(w), { token: w.owner.accessToken })).body.sent.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...recital(), audience: { kind: "class", id: randomUUID() } }, "audience.id"],
      [{ ...recital(), audience: { kind: "list", people: [{ kind: "family", id: randomUUID() }] } }, "audience.people.0.id"],
      [{ ...recital(), audience: { kind: "families" }, email: false, inApp: false }, "email"],
      [{ ...recital(), audience: { kind: "families" }, sendAt: new Date(Date.now() - 60_000).toISOString() }, "sendAt"],
      [{ ...recital(), audience: { kind: "planet" } }, "audience.kind"],
      [{ subject: "", body: "x", audience: { kind: "families" } }, "subject"],
    ];
    for (const [body, path] of cases) {
      const refused = await announce(w, body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await api("GET", base(w), { token: w.owner.accessToken })).body.sent.length).toBe(before);
  });

  it("a scheduled announcement waits for its time; a cancelled one never goes; a sent one can no longer change", async () => {
    const sendAt = new Date(Date.now() + 30 * 60_000).toISOString();
    const text = recital();
    const scheduled = await announce(w, { ...text, audience: { kind: "teacher", id: w.teacher.id }, sendAt });
    expect(scheduled.body).toMatchObject({ status: "scheduled", sendAt, audience: { label: `Tara ${w.teacher.lastName}'s students` } });
    const called = await announce(w, { ...recital(), audience: { kind: "instrument", name: "cello" }, sendAt });
    expect((await api("DELETE", `${base(w)}/${called.body.id}`, { token: w.owner.accessToken })).body).toMatchObject({
      deleted: false,
      announcement: { status: "cancelled" },
    });

    await job(10);
    expect((await view(w, scheduled.body.id)).body.announcement.status).toBe("scheduled");
    await job(31);
    expect((await view(w, scheduled.body.id)).body.announcement).toMatchObject({ status: "sent", recipientCount: 1 });
    const [mail] = await readMail(w.guardian.email, { subject: text.subject });
    expect(mail!.body.text).toContain("Our spring recital");
    expect((await view(w, called.body.id)).body.announcement.status).toBe("cancelled");

    const changed = await api("PUT", `${base(w)}/${scheduled.body.id}`, { token: w.owner.accessToken, body: { ...text, audience: { kind: "everyone" } } });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe("announcement.sent");
    const draft = await announce(w, { ...recital(), audience: { kind: "everyone" }, draft: true });
    expect(draft.body.status).toBe("draft");
    expect((await api("DELETE", `${base(w)}/${draft.body.id}`, { token: w.owner.accessToken })).body.deleted).toBe(true);
    expect((await view(w, draft.body.id)).status).toBe(404);
  });

  it("previews without sending, test-sends to its author only, and honours an unsubscribe from announcements", async () => {
    const text = recital();
    const preview = await api("POST", `${base(w)}/preview`, { token: w.owner.accessToken, body: { ...text, audience: { kind: "everyone" } } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ audienceLabel: "Everyone", recipientCount: 2, emailCount: 2, subject: text.subject });
    expect(preview.body.html).toContain("Families welcome!");
    const test = await api("POST", `${base(w)}/test`, { token: w.owner.accessToken, body: { ...text, audience: { kind: "everyone" } } });
    expect(test.status).toBe(201);
    const [copy] = await readMail(test.body.sentTo, { subject: `[Test] ${text.subject}` });
    expect(copy!.body.text).toContain("only you received it");
    await outboxDrained(w.studioId);
    expect(await mailBySubject(text.subject).then((m) => m.size)).toBe(0);

    await setPreference(w.studioId, w.guardian.email, "announcements", false, "preferences");
    const sent = await announce(w, {
      ...text,
      audience: {
        kind: "list",
        people: [
          { kind: "family", id: w.family.id },
          { kind: "teacher", id: w.teacher.id },
        ],
      },
    });
    expect(sent.body).toMatchObject({ recipientCount: 2, emailCount: 1, audience: { label: "2 hand-picked people" } });
    const recipients = (await view(w, sent.body.id)).body.announcement.recipients;
    expect(recipients.find((r: { email: string }) => r.email === w.guardian.email)).toMatchObject({
      status: "in-app",
      detail: "Stopped announcements by email",
    });
    await readMail(w.teacher.email, { subject: text.subject });
    await outboxDrained(w.studioId);
    expect((await mailBySubject(text.subject)).has(w.guardian.email)).toBe(false);
    await setPreference(w.studioId, w.guardian.email, "announcements", true, "preferences");
  });
});
