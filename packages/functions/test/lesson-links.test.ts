import { randomUUID } from "node:crypto";
import { lessonLinks, scheduleDb, signActionToken } from "@studiosync/core/scheduling";
import { addDays } from "@studiosync/core/kernel";
import { describe, expect, it } from "vitest";
import { awaitMail, extractLink, headerOf } from "@studiosync/local/testing";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { bookLesson, patchLesson } from "./support/lessons";
import { addStudent, addTeacher, paths } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/** A studio on UTC+0 all year, so local times read as UTC in the test. */
const ZONE = "Atlantic/Reykjavik";
const EVERY_DAY_8_TO_20 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "20:00" }));
const HOUR = 3_600_000;

/** A teacher with hours every day, a family (guardian with an address) and its student (with one). */
async function world() {
  const owner = await ownerWithStudio({ timeZone: ZONE });
  const studioEmail = uniqueEmail("desk").toLowerCase();
  expect((await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: { email: studioEmail } })).status).toBe(200);
  const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, {
    token: owner.accessToken,
    body: { name: `Family ${randomUUID().slice(0, 6)}` },
  });
  const guardianEmail = uniqueEmail("parent").toLowerCase();
  const guardian = await api("POST", `/v1/studios/${owner.studio.id}/families/${family.body.id}/guardians`, {
    token: owner.accessToken,
    body: { firstName: "Gwen", lastName: "Guardian", relationship: "mother", email: guardianEmail },
  });
  expect(guardian.status).toBe(201);
  const teacher = await addTeacher(owner);
  const hours = await api("PUT", `/v1/studios/${owner.studio.id}/availability/${teacher.id}`, {
    token: owner.accessToken,
    body: { weeklyHours: EVERY_DAY_8_TO_20 },
  });
  expect(hours.status, JSON.stringify(hours.body)).toBe(200);
  const studentEmail = uniqueEmail("student").toLowerCase();
  const student = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: family.body.id, email: studentEmail });
  return { owner, teacher, student, studioEmail, guardianEmail, guardianId: guardian.body.id as string, familyId: family.body.id as string, studentEmail };
}
type World = Awaited<ReturnType<typeof world>>;

/** A 45-minute lesson starting `hours` from now (on a quarter hour), booked by the owner. */
async function lessonIn(w: World, hours: number) {
  const at = new Date(Date.now() + hours * HOUR);
  at.setUTCMinutes(Math.ceil(at.getUTCMinutes() / 15) * 15, 0, 0);
  const res = await bookLesson(w.owner, { teacherId: w.teacher.id, studentId: w.student.id, scheduledStart: at.toISOString() });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; scheduledStart: string; scheduledEnd: string };
}

/** The links a lesson email carries for `email` (minted as the reminder job mints them). */
function linksFor(w: World, lesson: { id: string; scheduledStart: string }, email: string) {
  const [cancel, move] = lessonLinks(
    { studioId: w.owner.studio.id, slug: w.owner.studio.slug, timeZone: ZONE },
    { lessonId: lesson.id, scheduledStart: lesson.scheduledStart, studentIds: [w.student.id], status: "scheduled" },
    email,
  );
  return { cancel: tokenOf(cancel!.url), move: tokenOf(move!.url) };
}
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
const view = (action: string, token: string) => api("GET", `/v1/public/lesson-links/${action}/${token}`);
const act = (action: string, token: string, body: Record<string, unknown>) => api("POST", `/v1/public/lesson-links/${action}/${token}`, { body });
const lessonRecord = async (w: World, lessonId: string) => (await scheduleDb().entities.lesson.get({ studioId: w.owner.studio.id, lessonId }).go()).data!;

describe("issue 12: signed lesson links act for the family without a login", () => {
  it("shows the policy's outcome before cancelling with notice, cancels once on POST (never on GET), and emails a make-up link that books", async () => {
    const w = await world();
    const lesson = await lessonIn(w, 52);
    const { cancel } = linksFor(w, lesson, w.guardianEmail);

    const page = await view("cancel", cancel);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.body).toMatchObject({
      action: "cancel",
      state: "open",
      studio: { slug: w.owner.studio.slug, timeZone: ZONE },
      lesson: { id: lesson.id, start: lesson.scheduledStart, studentName: expect.any(String), cancellation: null },
      cancel: { outcome: "credit_issued", explanation: expect.stringMatching(/^credit issued: 5[12] h notice$/) },
      slots: null,
    });
    // Opening the link twice (a mail scanner) changes nothing.
    expect((await view("cancel", cancel)).body.state).toBe("open");
    expect((await lessonRecord(w, lesson.id)).status).toBe("scheduled");

    const done = await act("cancel", cancel, { reason: "Grandma's birthday" });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      outcome: "credit_issued",
      explanation: page.body.cancel.explanation,
      makeupUrl: expect.stringContaining(`/${w.owner.studio.slug}/act/makeup/`),
    });
    const cancelled = await lessonRecord(w, lesson.id);
    expect(cancelled.cancellation).toMatchObject({
      by: "student",
      reason: "Grandma's birthday",
      outcome: "credit_issued",
      actorId: `email-link:${w.guardianEmail}`,
    });

    // A replay is refused and the page says the link was used.
    const again = await act("cancel", cancel, {});
    expect(again.status).toBe(409);
    expect((await view("cancel", cancel)).body.state).toBe("used");

    // The cancellation email is the studio's (From, Reply-To), states the same outcome, and offers the make-up.
    const mail = await awaitMail(w.guardianEmail, (m) => (m.subject.startsWith("Lesson cancelled") ? m : undefined));
    expect(mail.from).toContain(`via StudioSync" <no-reply@studiosync.local>`);
    expect(mail.replyTo).toEqual([w.studioEmail]);
    expect(headerOf(mail, "Reply-To")).toBe(w.studioEmail);
    expect(mail.body.text).toContain(`Cancellation policy outcome: ${page.body.cancel.explanation}.`);
    const makeup = tokenOf(extractLink(mail.body.text!, `/${w.owner.studio.slug}/act/makeup/`));

    const offer = await view("makeup", makeup);
    expect(offer.status, JSON.stringify(offer.body)).toBe(200);
    expect(offer.body).toMatchObject({ state: "open", credit: { durationMinutes: 45 } });
    expect(offer.body.slots.length).toBeGreaterThan(10);
    const outside = await act("makeup", makeup, { start: `${addDays(new Date().toISOString().slice(0, 10), 2)}T03:00:00.000Z` });
    expect(outside.status).toBe(422);
    expect(paths(outside)).toEqual(["start"]);
    const slot = offer.body.slots[3];
    const booked = await act("makeup", makeup, { start: slot.start });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body).toMatchObject({ scheduledStart: slot.start, teacherId: w.teacher.id, studentId: w.student.id, makeupCreditId: expect.any(String) });
    expect((await act("makeup", makeup, { start: offer.body.slots[5].start })).status).toBe(409);
    expect((await view("makeup", makeup)).body.state).toBe("used");
  });

  it("says a short-notice cancellation earns no credit, before and after", async () => {
    const w = await world();
    const lesson = await lessonIn(w, 5);
    const { cancel } = linksFor(w, lesson, w.studentEmail);
    const page = await view("cancel", cancel);
    expect(page.body.cancel).toMatchObject({ outcome: "no_credit", explanation: expect.stringMatching(/^no credit: [45] h notice/) });
    const done = await act("cancel", cancel, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ outcome: "no_credit", explanation: page.body.cancel.explanation, makeupUrl: null });
    expect((await lessonRecord(w, lesson.id)).cancellation).toMatchObject({
      by: "student",
      reason: "Cancelled by the family from the emailed link",
      actorId: `email-link:${w.studentEmail}`,
    });
  });

  it("asks to move to an offered slot once; a moved lesson's old links say so and never act", async () => {
    const w = await world();
    const lesson = await lessonIn(w, 30);
    const { cancel, move } = linksFor(w, lesson, w.guardianEmail);
    const offer = await view("move", move);
    expect(offer.status, JSON.stringify(offer.body)).toBe(200);
    expect(offer.body.state).toBe("open");
    const starts: string[] = offer.body.slots.map((s: { start: string }) => s.start);
    expect(starts.length).toBeGreaterThan(10);
    expect(starts).not.toContain(lesson.scheduledStart);

    expect(paths(await act("move", move, { start: "tomorrow" }))).toEqual(["start"]);
    expect(paths(await act("move", move, { start: `${addDays(new Date().toISOString().slice(0, 10), 40)}T10:00:00.000Z` }))).toEqual(["start"]);
    const asked = await act("move", move, { start: starts.at(-1), message: "Football on that day" });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ lessonId: lesson.id, status: "pending", proposedStart: starts.at(-1), message: "Football on that day" });
    expect((await act("move", move, { start: starts[0] })).status).toBe(409);
    const inbox = await api("GET", `/v1/studios/${w.owner.studio.id}/reschedule-requests`, { token: w.owner.accessToken });
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);

    // The studio moves the lesson itself: the email's links now say so.
    const moved = await patchLesson(w.owner, lesson.id, { scheduledStart: new Date(Date.parse(lesson.scheduledStart) + 2 * HOUR).toISOString() });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const stale = await view("cancel", cancel);
    expect(stale.body).toMatchObject({ state: "moved", lesson: { movedFrom: lesson.scheduledStart, start: moved.body.scheduledStart }, cancel: null });
    expect((await act("cancel", cancel, {})).status).toBe(409);
    expect((await lessonRecord(w, lesson.id)).status).toBe("scheduled");
  });

  it("refuses forged, expired, repurposed and no-longer-recipient links (404/410) before reading anything of the studio", async () => {
    const w = await world();
    const lesson = await lessonIn(w, 48);
    const { cancel } = linksFor(w, lesson, w.guardianEmail);
    const [kid, payload, signature] = cancel.split(".");
    const forged = `${kid}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith("AA") ? "BB" : "AA"}`;
    expect((await view("cancel", forged)).status).toBe(404);
    expect((await act("cancel", forged, {})).status).toBe(404);
    expect((await view("move", cancel)).status).toBe(404);
    expect((await view("makeup", cancel)).status).toBe(404);

    const claims = { studioId: w.owner.studio.id, lessonId: lesson.id, studentId: w.student.id, email: w.guardianEmail, version: lesson.scheduledStart };
    const expired = signActionToken({ ...claims, action: "cancel", expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const gone = await view("cancel", expired);
    expect(gone.status).toBe(410);
    expect(gone.body.detail).toContain("expired");
    const stranger = signActionToken({ ...claims, action: "cancel", email: "someone.else@example.test", expiresAt: Math.floor(Date.now() / 1000) + 3600 });
    expect((await view("cancel", stranger)).status).toBe(404);

    // A guardian taken off the family: their links stop working.
    expect(
      (await api("DELETE", `/v1/studios/${w.owner.studio.id}/families/${w.familyId}/guardians/${w.guardianId}`, { token: w.owner.accessToken })).status,
    ).toBe(204);
    expect((await view("cancel", cancel)).status).toBe(404);
    expect((await act("cancel", cancel, {})).status).toBe(404);
    expect((await lessonRecord(w, lesson.id)).status).toBe("scheduled");
    // Bad bodies are 422s with the field, not 500s.
    const own = linksFor(w, lesson, w.studentEmail);
    const bad = await api("POST", `/v1/public/lesson-links/cancel/${own.cancel}`, { body: { reason: 42, extra: true } });
    expect(bad.status).toBe(422);
  });
});
