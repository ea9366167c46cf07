import { randomUUID } from "node:crypto";
import { broadcastSlotOffers, lessonLinks, scheduleDb } from "@studiosync/core/scheduling";
import { describe, expect, it } from "vitest";
import { extractLink, readMail } from "@studiosync/local/testing";
import { handler } from "../src/modules/cancellations/jobs/broadcast-slot-offers";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const ZONE = "Atlantic/Reykjavik";
const EVERY_DAY_8_TO_20 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "20:00" }));

async function teacherWithHours(owner: Owner) {
  const teacher = await addTeacher(owner);
  const hours = await api("PUT", `/v1/studios/${owner.studio.id}/availability/${teacher.id}`, {
    token: owner.accessToken,
    body: { weeklyHours: EVERY_DAY_8_TO_20 },
  });
  expect(hours.status, JSON.stringify(hours.body)).toBe(200);
  return teacher;
}

/** A family with a guardian (own address) and its student of `teacherId`. */
async function family(owner: Owner, teacherId: string) {
  const f = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: `Family ${randomUUID().slice(0, 6)}` } });
  const email = uniqueEmail("guardian").toLowerCase();
  await api("POST", `/v1/studios/${owner.studio.id}/families/${f.body.id}/guardians`, {
    token: owner.accessToken,
    body: { firstName: "Pat", lastName: "Parent", relationship: "father", email },
  });
  const student = await addStudent(owner, { primaryTeacherId: teacherId, familyId: f.body.id });
  return { email, studentId: student.id as string };
}

async function book(owner: Owner, teacherId: string, studentId: string, scheduledStart: string) {
  const res = await bookLesson(owner, { teacherId, studentId, scheduledStart });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; scheduledStart: string };
}

/** A make-up credit with the teacher: a lesson the studio cancels. */
async function creditFor(owner: Owner, teacherId: string, studentId: string, hourUtc: number) {
  const lesson = await book(owner, teacherId, studentId, futureAt(1, hourUtc));
  const res = await api("POST", `/v1/studios/${owner.studio.id}/lessons/${lesson.id}/cancel`, {
    token: owner.accessToken,
    body: { reason: "Teacher at a concert" },
  });
  expect(res.body.cancellation.outcome).toBe("credit_issued");
}

/** The family cancels with notice through their email link: the slot is freed for the others. */
async function familyCancels(owner: Owner, lesson: { id: string; scheduledStart: string }, studentId: string, email: string) {
  const [cancel] = lessonLinks(
    { studioId: owner.studio.id, slug: owner.studio.slug, timeZone: ZONE },
    { lessonId: lesson.id, scheduledStart: lesson.scheduledStart, studentIds: [studentId], status: "scheduled" },
    email,
  );
  const res = await api("POST", `/v1/public/lesson-links/cancel/${new URL(cancel!.url).pathname.split("/").pop()}`, { body: {} });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const offerOf = async (owner: Owner, offerId: string) => (await scheduleDb().entities.slotOffer.get({ studioId: owner.studio.id, offerId }).go()).data;
const offers = (email: string) => readMail(email, { count: 0, subject: "is free" });

describe("issue 12: a freed slot is offered to every family holding a credit for its teacher; the first claim wins", () => {
  it("emails each credit holder once, two families race and one wins, the other sees taken and other times", async () => {
    const owner = await ownerWithStudio({ timeZone: ZONE });
    const [teacher, colleague] = await Promise.all([teacherWithHours(owner), teacherWithHours(owner)]);
    const [ann, ben, cat, dan] = await Promise.all([
      family(owner, teacher.id),
      family(owner, teacher.id),
      family(owner, colleague.id),
      family(owner, teacher.id),
    ]);
    await creditFor(owner, teacher.id, ann.studentId, 10);
    await creditFor(owner, teacher.id, ben.studentId, 11);
    await creditFor(owner, colleague.id, cat.studentId, 12);

    const freed = await book(owner, teacher.id, dan.studentId, futureAt(3, 14));
    await familyCancels(owner, freed, dan.studentId, dan.email);
    expect(await offerOf(owner, freed.id)).toMatchObject({ status: "pending", teacherId: teacher.id, start: freed.scheduledStart });

    const run = await handler();
    expect(run.offers).toBeGreaterThanOrEqual(1);
    expect(await offerOf(owner, freed.id)).toMatchObject({ status: "sent", recipients: 2 });
    const [toAnn] = await readMail(ann.email, { subject: "is free" });
    const [toBen] = await readMail(ben.email, { subject: "is free" });
    expect(toAnn!.body.text).toContain("The first family to claim the slot books it");
    // Nobody else (another teacher's credit, the family who cancelled), and nobody twice however often the job runs.
    await broadcastSlotOffers();
    expect(await offers(cat.email)).toEqual([]);
    expect(await offers(dan.email)).toEqual([]);
    expect(await offers(ann.email)).toHaveLength(1);

    const tokenOf = (text: string) => new URL(extractLink(text, `/${owner.studio.slug}/act/claim/`)).pathname.split("/").pop()!;
    const [annToken, benToken] = [tokenOf(toAnn!.body.text!), tokenOf(toBen!.body.text!)];
    const view = await api("GET", `/v1/public/lesson-links/claim/${annToken}`);
    expect(view.body).toMatchObject({ state: "open", lesson: { start: freed.scheduledStart, teacherName: expect.any(String) }, slots: null });
    expect(JSON.stringify(view.body)).not.toContain(dan.studentId);

    const [a, b] = await Promise.all([
      api("POST", `/v1/public/lesson-links/claim/${annToken}`, { body: {} }),
      api("POST", `/v1/public/lesson-links/claim/${benToken}`, { body: {} }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [winner, loser, loserToken] = a.status === 201 ? [a, b, benToken] : [b, a, annToken];
    expect(winner.body).toMatchObject({ scheduledStart: freed.scheduledStart, teacherId: teacher.id, makeupCreditId: expect.any(String) });
    expect(loser.body.detail).toContain("Another family took this slot first");
    expect((await offerOf(owner, freed.id))!.status).toBe("claimed");

    const taken = await api("GET", `/v1/public/lesson-links/claim/${loserToken}`);
    expect(taken.body.state).toBe("taken");
    expect(taken.body.slots.length).toBeGreaterThan(5);
    const other = await api("POST", `/v1/public/lesson-links/claim/${loserToken}`, { body: { start: taken.body.slots[0].start } });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    expect((await api("POST", `/v1/public/lesson-links/claim/${loserToken}`, { body: { start: taken.body.slots[1].start } })).status).toBe(409);
  });

  it("offers nothing when the studio turned it off, or when the studio cancelled the lesson itself", async () => {
    const owner = await ownerWithStudio({ timeZone: ZONE });
    const teacher = await teacherWithHours(owner);
    const eve = await family(owner, teacher.id);
    const policy = await api("GET", `/v1/studios/${owner.studio.id}/cancellation-policy`, { token: owner.accessToken });
    const { updatedAt: _, ...body } = policy.body;
    const studioCancelled = await book(owner, teacher.id, eve.studentId, futureAt(4, 9));
    await api("POST", `/v1/studios/${owner.studio.id}/lessons/${studioCancelled.id}/cancel`, { token: owner.accessToken, body: { reason: "Teacher ill" } });
    expect(await offerOf(owner, studioCancelled.id)).toBeNull();

    const off = await api("PUT", `/v1/studios/${owner.studio.id}/cancellation-policy`, { token: owner.accessToken, body: { ...body, offerFreedSlots: false } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.offerFreedSlots).toBe(false);
    const lesson = await book(owner, teacher.id, eve.studentId, futureAt(4, 15));
    await familyCancels(owner, lesson, eve.studentId, eve.email);
    expect(await offerOf(owner, lesson.id)).toBeNull();
  });
});
