import { randomUUID } from "node:crypto";
import * as Events from "@studiosync/core/events";
import { addDays, localParts } from "@studiosync/core/kernel";
import { setPreference } from "@studiosync/core/notifications";
import { extractLink, outboxDrained, readMail } from "@studiosync/local/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { conversationWorld } from "./support/conversation-world";

type World = Awaited<ReturnType<typeof conversationWorld>>;

const ZONE = "America/New_York";
const base = (w: World) => `/v1/studios/${w.studioId}/events`;
const today = () => localParts(new Date(), ZONE).date;
const title = (what = "Spring recital") => `${what} ${randomUUID().slice(0, 6)}`;
const recital = (extra: Record<string, unknown> = {}) => ({
  title: title(),
  kind: "recital",
  description: "Every student plays one piece.",
  location: "The main hall",
  date: addDays(today(), 20),
  startTime: "19:00",
  endTime: "20:30",
  audience: { kind: "everyone" },
  visibility: "public",
  capacity: 40,
  maxGuests: 3,
  ...extra,
});
const publish = (w: World, body: Record<string, unknown>, token = w.owner.accessToken) => api("POST", base(w), { token, body });
const view = (w: World, id: string, token = w.owner.accessToken) => api("GET", `${base(w)}/${id}`, { token });
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;
const publicRsvp = (w: World, id: string, body: Record<string, unknown>) => api("POST", `/v1/public/events/${w.owner.studio.slug}/${id}/rsvps`, { body });

describe("studio events", () => {
  let w: World;
  beforeAll(async () => {
    w = await conversationWorld();
  });

  it("invites the audience with one-click links (not an address that stopped event mail); the link's GET changes nothing, its POST answers", async () => {
    await setPreference(w.studioId, w.teacher.email, "events", false, "preferences");
    const body = recital();
    const made = await publish(w, body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ title: body.title, status: "scheduled", invitedCount: 1, audience: { kind: "everyone", label: "Everyone" } });
    const [invitation] = await readMail(w.guardian.email, { subject: `You're invited: ${body.title}` });
    expect(invitation!.body.text).toContain("When: ");
    expect(invitation!.body.text).toContain("19:00–20:30 (America/New_York)");
    expect(invitation!.headers?.find((h) => h.name === "List-Unsubscribe")).toBeTruthy();
    const yes = extractLink(invitation!.body.text ?? "", `/${w.owner.studio.slug}/act/event/`);
    expect(new URL(yes).searchParams.get("answer")).toBe("yes");
    await outboxDrained(w.studioId);
    const teacherMail = await fetch(`${process.env.SES_ENDPOINT}/store`).then(
      (r) => r.json() as Promise<{ emails: { subject: string; destination: { to: string[] } }[] }>,
    );
    expect(teacherMail.emails.filter((m) => m.subject.includes(body.title) && m.destination.to.join().toLowerCase().includes(w.teacher.email))).toEqual([]);
    await setPreference(w.studioId, w.teacher.email, "events", true, "preferences");

    const token = tokenOf(yes);
    const read = await api("GET", `/v1/public/events/links/${token}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ event: { title: body.title }, respondent: { name: "Paula Lopez", answer: null } });
    expect((await api("GET", `/v1/public/events/links/${token}`)).status).toBe(200);
    expect((await view(w, made.body.id)).body.event.counts).toEqual({ yes: 0, no: 0, maybe: 0, guests: 0, seatsTaken: 0 });

    const answered = await api("POST", `/v1/public/events/links/${token}/rsvp`, { body: { answer: "yes", guests: 2 } });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.event.rsvp.seatsLeft).toBe(37);
    expect((await view(w, made.body.id)).body.event.counts).toEqual({ yes: 1, no: 0, maybe: 0, guests: 2, seatsTaken: 3 });
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await api("GET", `/v1/public/events/links/${forged}`)).status).toBe(404);
  });

  it("never seats more than its capacity under concurrent answers; guests count; changing an answer frees seats", { timeout: 60_000 }, async () => {
    const made = await publish(w, recital({ capacity: 5, maxGuests: 1, notify: false }));
    expect(made.status).toBe(201);
    const tag = randomUUID().slice(0, 6);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        publicRsvp(w, made.body.id, { name: `Guest ${i}`, email: `crowd${i}-${tag}@example.test`, answer: "yes", guests: 1 }),
      ),
    );
    const ok = answers.filter((a) => a.status === 201);
    const full = answers.filter((a) => a.status === 409);
    expect(ok).toHaveLength(2);
    expect(full).toHaveLength(10);
    expect(full[0]!.body).toMatchObject({ code: "event.full", errors: [{ path: "guests", message: "1 seat left" }] });
    const event = (await view(w, made.body.id)).body.event;
    expect(event.counts).toEqual({ yes: 2, no: 0, maybe: 0, guests: 2, seatsTaken: 4 });
    expect(event.rsvp.seatsLeft).toBe(1);

    const last = await publicRsvp(w, made.body.id, { name: "Solo", email: `solo-${tag}@example.test`, answer: "yes", guests: 0 });
    expect(last.status).toBe(201);
    const again = await publicRsvp(w, made.body.id, { name: "Late", email: `late-${tag}@example.test`, answer: "yes" });
    expect(again.body).toMatchObject({ code: "event.full", detail: expect.stringContaining("full") });
    const maybe = await publicRsvp(w, made.body.id, { name: "Late", email: `late-${tag}@example.test`, answer: "maybe" });
    expect(maybe.status).toBe(201);

    const changer = ok[0]!.body.rsvp.respondent.slice("email:".length);
    const changed = await publicRsvp(w, made.body.id, { name: "Changed", email: changer, answer: "no" });
    expect(changed.body.event.rsvp.seatsLeft).toBe(2);
    const rsvps = await api("GET", `${base(w)}/${made.body.id}/rsvps`, { token: w.owner.accessToken });
    expect(rsvps.status).toBe(200);
    const seats = rsvps.body.items.reduce((n: number, r: { answer: string; guests: number }) => n + (r.answer === "yes" ? 1 + r.guests : 0), 0);
    expect(seats).toBe(3);
    expect((await view(w, made.body.id)).body.event.counts).toEqual({ yes: 2, no: 1, maybe: 1, guests: 1, seatsTaken: 3 });
    expect((await api("GET", `${base(w)}/${made.body.id}/rsvps`, { token: w.teacher.token })).status).toBe(403);
  });

  it("a public answer is confirmed by email with the link to change it; a members-only event is not public", async () => {
    const made = await publish(w, recital({ notify: false }));
    const email = uniqueEmail("visitor").toLowerCase();
    const answered = await publicRsvp(w, made.body.id, { name: "Vera Visitor", email, answer: "yes", guests: 1, note: "Grandma too" });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    const [confirmation] = await readMail(email, { subject: `Your RSVP: ${made.body.title}` });
    expect(confirmation!.body.text).toContain("yes, coming with 1 guest");
    const change = extractLink(confirmation!.body.text ?? "", `/${w.owner.studio.slug}/act/event/`);
    const changed = await api("POST", `/v1/public/events/links/${tokenOf(change)}/rsvp`, { body: { answer: "maybe", guests: 0 } });
    expect(changed.status).toBe(200);
    expect(changed.body.rsvp).toMatchObject({ answer: "maybe", name: "Vera Visitor" });
    await readMail(email, { subject: `Your RSVP: ${made.body.title}`, count: 2 });

    const listed = await api("GET", `/v1/public/events/${w.owner.studio.slug}`);
    expect(listed.body.items.map((e: { id: string }) => e.id)).toContain(made.body.id);
    const members = await publish(w, recital({ visibility: "members", notify: false }));
    expect((await api("GET", `/v1/public/events/${w.owner.studio.slug}/${members.body.id}`)).status).toBe(404);
    expect((await publicRsvp(w, members.body.id, { name: "X", email, answer: "yes" })).status).toBe(404);
    expect((await api("GET", `/v1/public/events/${w.owner.studio.slug}`)).body.items.map((e: { id: string }) => e.id)).not.toContain(members.body.id);
  });

  it("a parent answers for their child; others in the studio see only what their audience includes; teachers can't manage; other studios get 404", async () => {
    const made = await publish(w, recital({ audience: { kind: "families" }, visibility: "members", notify: false }));
    const seen = await view(w, made.body.id, w.guardian.token);
    expect(seen.status).toBe(200);
    expect(seen.body.respondents.map((r: { respondent: string }) => r.respondent)).toEqual([`student:${w.student.id}`, w.guardian.party]);
    const answered = await api("PUT", `${base(w)}/${made.body.id}/rsvp`, {
      token: w.guardian.token,
      body: { person: `student:${w.student.id}`, answer: "yes", guests: 2 },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect((await view(w, made.body.id, w.guardian.token)).body.respondents[0]).toMatchObject({ answer: "yes", guests: 2 });
    const rsvps = await api("GET", `${base(w)}/${made.body.id}/rsvps`, { token: w.owner.accessToken });
    expect(rsvps.body.items).toEqual([expect.objectContaining({ respondent: `student:${w.student.id}`, answer: "yes", guests: 2, email: w.guardian.email })]);

    const notMine = await api("PUT", `${base(w)}/${made.body.id}/rsvp`, { token: w.guardian.token, body: { person: w.teacher.party, answer: "yes" } });
    expect(notMine.status).toBe(403);
    expect(notMine.body.code).toBe("event.not_yours");
    expect((await view(w, made.body.id, w.teacher.token)).status).toBe(404);
    expect((await api("PUT", `${base(w)}/${made.body.id}/rsvp`, { token: w.teacher.token, body: { person: w.teacher.party, answer: "yes" } })).status).toBe(
      404,
    );
    const teacherList = await api("GET", base(w), { token: w.teacher.token });
    expect(teacherList.body.items.map((e: { id: string }) => e.id)).not.toContain(made.body.id);
    expect((await api("GET", base(w), { token: w.guardian.token })).body.items.map((e: { id: string }) => e.id)).toContain(made.body.id);
    expect((await publish(w, recital(), w.teacher.token)).status).toBe(403);
    expect((await api("DELETE", `${base(w)}/${made.body.id}`, { token: w.teacher.token })).status).toBe(403);

    const stranger = await ownerWithStudio();
    expect((await api("GET", `${base(w)}/${made.body.id}`, { token: stranger.accessToken })).status).toBe(404);
    expect((await api("GET", `/v1/studios/${stranger.studio.id}/events/${made.body.id}`, { token: stranger.accessToken })).status).toBe(404);
    expect(
      (
        await api("PUT", `/v1/studios/${stranger.studio.id}/events/${made.body.id}/rsvp`, {
          token: stranger.accessToken,
          body: { person: `student:${w.student.id}`, answer: "yes" },
        })
      ).status,
    ).toBe(404);
    expect((await api("GET", `/v1/public/events/${stranger.studio.slug}/${made.body.id}`)).status).toBe(404);
  });

  it("keeps local time across a DST change: 19:00 the day after New York springs forward is 19:00 local", async () => {
    const before = await publish(w, recital({ date: "2027-03-13", notify: false }));
    const after = await publish(w, recital({ date: "2027-03-15", notify: false }));
    const allDay = await publish(w, recital({ date: "2027-03-14", startTime: undefined, endTime: undefined, notify: false }));
    expect(before.body).toMatchObject({ startTime: "19:00", startsAt: "2027-03-14T00:00:00.000Z", endsAt: "2027-03-14T01:30:00.000Z" });
    expect(after.body).toMatchObject({ startTime: "19:00", startsAt: "2027-03-15T23:00:00.000Z", endsAt: "2027-03-16T00:30:00.000Z" });
    expect(allDay.body).toMatchObject({ allDay: true, startsAt: "2027-03-14T05:00:00.000Z", endsAt: "2027-03-15T04:00:00.000Z" });
    expect(Events.eventInstants({ date: "2027-11-08", startTime: "19:00", endTime: "20:00" }, ZONE).startsAt).toBe("2027-11-09T00:00:00.000Z");
    const march = await api("GET", `${base(w)}?from=2027-03-01&to=2027-03-31`, { token: w.owner.accessToken });
    expect(march.body.items.map((e: { id: string }) => e.id)).toEqual([before.body.id, allDay.body.id, after.body.id]);
  });

  it("reminds those who said yes or maybe once, however often the job runs; a cancellation tells them (and refuses answers after)", {
    timeout: 60_000,
  }, async () => {
    const made = await publish(w, recital({ date: addDays(today(), 3), remindHoursBefore: 24, notify: false }));
    expect(made.status).toBe(201);
    const maybeEmail = uniqueEmail("maybe").toLowerCase();
    const noEmail = uniqueEmail("no").toLowerCase();
    await api("PUT", `${base(w)}/${made.body.id}/rsvp`, { token: w.guardian.token, body: { person: `student:${w.student.id}`, answer: "yes" } });
    await publicRsvp(w, made.body.id, { name: "May Be", email: maybeEmail, answer: "maybe" });
    await publicRsvp(w, made.body.id, { name: "No Body", email: noEmail, answer: "no" });
    const remindAt = Date.parse(made.body.startsAt) - 24 * 3_600_000;

    expect((await Events.sendEventReminders({ now: new Date(remindAt - 60_000) })).reminders).toBe(0);
    const first = await Events.sendEventReminders({ now: new Date(remindAt + 60_000) });
    expect(first.reminders).toBeGreaterThanOrEqual(2);
    await Events.sendEventReminders({ now: new Date(remindAt + 120_000) });
    await outboxDrained(w.studioId);
    const subject = `Reminder: ${made.body.title}`;
    expect(await readMail(w.guardian.email, { subject })).toHaveLength(1);
    expect(await readMail(maybeEmail, { subject })).toHaveLength(1);
    const store = await fetch(`${process.env.SES_ENDPOINT}/store`).then(
      (r) => r.json() as Promise<{ emails: { subject: string; destination: { to: string[] } }[] }>,
    );
    expect(store.emails.filter((m) => m.subject === subject && m.destination.to.join().toLowerCase().includes(noEmail))).toEqual([]);

    const cancelled = await api("DELETE", `${base(w)}/${made.body.id}`, { token: w.owner.accessToken });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ notified: 2, event: { status: "cancelled" } });
    const [notice] = await readMail(maybeEmail, { subject: `Cancelled: ${made.body.title}` });
    expect(notice!.body.text).toContain("has cancelled");
    await readMail(w.guardian.email, { subject: `Cancelled: ${made.body.title}` });
    expect((await api("DELETE", `${base(w)}/${made.body.id}`, { token: w.owner.accessToken })).body.code).toBe("event.closed");
    const late = await publicRsvp(w, made.body.id, { name: "Too Late", email: noEmail, answer: "yes" });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("event.closed");
  });

  it("carries files uploaded by presigned PUT (type and size checked), downloaded by presigned GET by those who see it", async () => {
    const upload = await api("POST", `${base(w)}/uploads`, {
      token: w.owner.accessToken,
      body: { name: "Programme (spring).pdf", contentType: "application/pdf", size: 12 },
    });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    expect(upload.body.uploadKey).toMatch(new RegExp(`^${w.studioId}/events/`));
    expect((await fetch(upload.body.url, { method: "PUT", headers: upload.body.headers, body: "%PDF-1.4 abc" })).ok).toBe(true);
    const made = await publish(w, recital({ notify: false, attachments: [{ uploadKey: upload.body.uploadKey, name: "Programme.pdf" }] }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.attachments).toEqual([{ index: 0, name: "Programme.pdf", contentType: "application/pdf", size: 12, uploadKey: upload.body.uploadKey }]);
    expect((await view(w, made.body.id, w.guardian.token)).body.event.attachments[0].uploadKey).toBeNull();
    const link = await api("GET", `${base(w)}/${made.body.id}/attachments/0`, { token: w.guardian.token });
    expect(link.status).toBe(200);
    expect(await (await fetch(link.body.url)).text()).toBe("%PDF-1.4 abc");
    const open = await api("GET", `/v1/public/events/${w.owner.studio.slug}/${made.body.id}/attachments/0`);
    expect(open.status).toBe(200);
    expect((await api("GET", `${base(w)}/${made.body.id}/attachments/1`, { token: w.owner.accessToken })).status).toBe(404);
    // A change that leaves `attachments` out keeps the files.
    const changed = await api("PUT", `${base(w)}/${made.body.id}`, { token: w.owner.accessToken, body: recital({ title: made.body.title, notify: false }) });
    expect(changed.body.attachments).toHaveLength(1);

    const refused = await api("POST", `${base(w)}/uploads`, {
      token: w.owner.accessToken,
      body: { name: "virus.exe", contentType: "application/x-msdownload", size: 12 },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe("contentType");
    expect(
      (await api("POST", `${base(w)}/uploads`, { token: w.teacher.token, body: { name: "a.pdf", contentType: "application/pdf", size: 12 } })).status,
    ).toBe(403);
    const stranger = await ownerWithStudio();
    const theirs = await api("POST", `/v1/studios/${stranger.studio.id}/events/uploads`, {
      token: stranger.accessToken,
      body: { name: "a.pdf", contentType: "application/pdf", size: 3 },
    });
    const foreign = await publish(w, recital({ notify: false, attachments: [{ uploadKey: theirs.body.uploadKey, name: "a.pdf" }] }));
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe("attachments.0.uploadKey");
    const notUploaded = await api("POST", `${base(w)}/uploads`, {
      token: w.owner.accessToken,
      body: { name: "b.pdf", contentType: "application/pdf", size: 3 },
    });
    const missing = await publish(w, recital({ notify: false, attachments: [{ uploadKey: notUploaded.body.uploadKey, name: "b.pdf" }] }));
    expect(missing.body.errors[0]).toMatchObject({ path: "attachments.0.uploadKey", message: "has no file uploaded yet" });
  });

  it("publishes and invites once for a retried request with the same Idempotency-Key", async () => {
    const body = recital();
    const headers = { "Idempotency-Key": `publish-${randomUUID()}` };
    const first = await api("POST", base(w), { token: w.owner.accessToken, body, headers });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const retry = await api("POST", base(w), { token: w.owner.accessToken, body, headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.body.id).toBe(first.body.id);
    const listed = await api("GET", `${base(w)}?from=${body.date}&to=${body.date}`, { token: w.owner.accessToken });
    expect(listed.body.items.filter((e: { title: string }) => e.title === body.title)).toHaveLength(1);
    await outboxDrained(w.studioId);
    expect(await readMail(w.guardian.email, { subject: `You're invited: ${body.title}` })).toHaveLength(1);
  });

  it("refuses bad input naming the field and writes nothing; answers after the deadline are closed", async () => {
    const listed = async () => (await api("GET", `${base(w)}?from=2026-01-01&to=2100-12-31&limit=100`, { token: w.owner.accessToken })).body.items.length;
    const before = await listed();
    const cases: [Record<string, unknown>, string][] = [
      [recital({ title: "" }), "title"],
      [recital({ kind: "party" }), "kind"],
      [recital({ date: "2027-02-30" }), "date"],
      [recital({ endTime: undefined }), "endTime"],
      [recital({ startTime: "20:00", endTime: "19:00" }), "endTime"],
      [recital({ capacity: 0 }), "capacity"],
      [recital({ maxGuests: 99 }), "maxGuests"],
      [recital({ rsvpBy: addDays(today(), 30) }), "rsvpBy"],
      [recital({ audience: { kind: "class", id: randomUUID() } }), "audience.id"],
      [recital({ visibility: "secret" }), "visibility"],
    ];
    for (const [body, path] of cases) {
      const refused = await publish(w, body);
      expect(refused.status, `${path}: ${JSON.stringify(refused.body)}`).toBe(422);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await listed()).toBe(before);

    const made = await publish(w, recital({ maxGuests: 1, notify: false }));
    const tooMany = await publicRsvp(w, made.body.id, { name: "Big Family", email: uniqueEmail("big"), answer: "yes", guests: 4 });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0].path).toBe("guests");
    const bad = await publicRsvp(w, made.body.id, { name: "", email: "not-an-email", answer: "perhaps" });
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["answer", "email", "name"]);
    expect((await view(w, made.body.id)).body.event.counts.seatsTaken).toBe(0);

    const closed = await publish(w, recital({ rsvpBy: addDays(today(), -1), notify: false }));
    expect(closed.status).toBe(201);
    const late = await publicRsvp(w, closed.body.id, { name: "Late", email: uniqueEmail("late"), answer: "yes" });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("event.closed");
  });
});
