import { randomUUID } from "node:crypto";
import { addDays, fixedClock, localParts, weekdayOf } from "@studiosync/core/kernel";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyLocalEnv, ensureTableAndBucket, type StreamPoller } from "@studiosync/local/engines";
import { extractLink, outboxConsumerFor, readMail } from "@studiosync/local/testing";
import { createApp } from "../src/app";
import { expireClassOffers } from "../src/modules/courses/jobs/expire-class-offers";
import { api, dbCost, ownerWithStudio, uniqueEmail } from "./support/api";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const ZONE = "Europe/London";
const today = () => localParts(new Date(), ZONE).date;
/** Tomorrow's weekday: every class of the term is still ahead. */
const tomorrow = () => addDays(today(), 1);

let owner: Owner;
let outsider: Owner;
let teacherId: string;
let outbox: StreamPoller | undefined;

const path = (rest: string, studioId = owner.studio.id) => `/v1/studios/${studioId}${rest}`;
const as = (method: string, rest: string, body?: unknown, token = owner.accessToken, app?: ReturnType<typeof createApp>) =>
  api(method, path(rest), { token, ...(body === undefined ? {} : { body }), ...(app ? { app } : {}) });

async function addCourse(plans = [{ name: "10 classes", classCount: 10, priceMinor: 15000, validityDays: 120 }]) {
  const res = await as("POST", "/courses", {
    name: `Junior Guitar ${randomUUID().slice(0, 4)}`,
    instrument: "Guitar",
    kind: "group",
    minAge: 7,
    maxAge: 11,
    plans,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; plans: { id: string; feePlanId: string }[] };
}

let slotHour = 8;
async function addSlot(courseId: string, body: Record<string, unknown> = {}) {
  const res = await as("POST", "/class-slots", {
    courseId,
    teacherId,
    roomName: `Room ${randomUUID().slice(0, 4)}`,
    weekday: weekdayOf(tomorrow()),
    startTime: `${String(slotHour++).padStart(2, "0")}:00`,
    durationMinutes: 45,
    termStart: tomorrow(),
    termEnd: addDays(tomorrow(), 7 * 5),
    capacity: 8,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; lessons: { lessonId: string; start: string }[]; capacity: number; seatsTaken: number };
}

const students = async (count: number) =>
  Promise.all(Array.from({ length: count }, (_, i) => addStudent(owner, { firstName: `Kid${i}`, lastName: "Player", email: uniqueEmail(`kid${i}`) })));

afterAll(() => outbox?.stop());

beforeAll(async () => {
  // The offer expiry job reads every studio's queue: this file has a table (and an outbox consumer) of its own.
  const env = inject("localEnv");
  const tableName = `classes-${randomUUID()}`;
  await ensureTableAndBucket({ tableName, bucketName: env.bucketName, dynamodbEndpoint: env.dynamodbEndpoint, s3Endpoint: env.s3Endpoint });
  applyLocalEnv({ ...env, tableName });
  outbox = await outboxConsumerFor(tableName);
  [owner, outsider] = await Promise.all([ownerWithStudio({ timeZone: ZONE, currency: "GBP", studioName: "Harmony House" }), ownerWithStudio()]);
  teacherId = (await addTeacher(owner)).id;
});

describe("courses and class slots", () => {
  it("a course with plans (each a term fee plan) and a slot whose weekly group lessons hold the teacher and room", async () => {
    const course = await addCourse();
    const feePlans = (await as("GET", "/fee-plans")).body.items as { id: string; kind: string; amountMinor: number }[];
    expect(feePlans.find((p) => p.id === course.plans[0]!.feePlanId)).toMatchObject({ kind: "term", amountMinor: 15000 });

    const slot = await addSlot(course.id);
    expect(slot.lessons).toHaveLength(6);
    const lesson = await as("GET", `/lessons/${slot.lessons[0]!.lessonId}`);
    expect(lesson.body).toMatchObject({ type: "group", teacherId, studentIds: [] });
    // The teacher is busy then: a second slot at the same time is a 409 naming the lesson in the way.
    const clash = await as("POST", "/class-slots", {
      courseId: course.id,
      teacherId,
      weekday: weekdayOf(tomorrow()),
      startTime: localParts(slot.lessons[0]!.start, ZONE).time,
      durationMinutes: 30,
      termStart: tomorrow(),
      termEnd: addDays(tomorrow(), 7),
      capacity: 4,
    });
    expect(clash.status, JSON.stringify(clash.body)).toBe(409);
    expect(clash.body.code).toBe("lesson.double_booked");

    const tooLong = await as("POST", "/class-slots", {
      courseId: course.id,
      teacherId,
      weekday: 1,
      startTime: "07:00",
      durationMinutes: 30,
      termStart: tomorrow(),
      termEnd: addDays(tomorrow(), 7 * 30),
      capacity: 4,
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors.map((e: { path: string }) => e.path)).toEqual(["termEnd"]);

    const grid = await as("GET", "/class-slots");
    expect(grid.body.items.find((s: { id: string }) => s.id === slot.id)).toMatchObject({ capacity: 8, seatsTaken: 0, seatsLeft: 8 });
    expect((await as("GET", "/class-slots", undefined, outsider.accessToken)).status).toBe(404);
    expect((await api("GET", `/v1/studios/${outsider.studio.id}/class-slots/${slot.id}`, { token: outsider.accessToken })).status).toBe(404);

    const publicCourses = await api("GET", `/v1/public/studios/${owner.studio.slug}/courses`);
    expect(publicCourses.status).toBe(200);
    const listed = publicCourses.body.items.find((c: { id: string }) => c.id === course.id);
    expect(listed).toMatchObject({ instrument: "Guitar", minAge: 7, maxAge: 11, currency: "GBP" });
    expect(listed.slots.find((s: { id: string }) => s.id === slot.id)).toMatchObject({ seatsLeft: 8, weekday: weekdayOf(tomorrow()) });
  });
});

describe("admissions and the waitlist", () => {
  it("20 concurrent admissions into a slot of 8: exactly 8 seats, 12 on the waitlist in order; a withdrawal offers the first and emails them", async () => {
    const course = await addCourse();
    const slot = await addSlot(course.id);
    const kids = await students(20);
    const results = await Promise.all(
      kids.map((kid) => as("POST", "/admissions", { slotId: slot.id, studentId: kid.id, planId: course.plans[0]!.id, waitlist: true })),
    );
    for (const res of results) expect(res.status, JSON.stringify(res.body)).toBe(201);
    const admitted = results.filter((r) => r.body.outcome === "admitted");
    const waitlisted = results.filter((r) => r.body.outcome === "waitlisted");
    expect(admitted).toHaveLength(8);
    expect(waitlisted).toHaveLength(12);

    const detail = await as("GET", `/class-slots/${slot.id}`);
    expect(detail.body).toMatchObject({ seatsTaken: 8, seatsLeft: 0 });
    expect(detail.body.enrolments).toHaveLength(8);
    const queue = detail.body.waitlist as { id: string; studentId: string; position: number; state: string }[];
    expect(queue.map((e) => e.position)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(queue.map((e) => e.id)).toEqual([...queue.map((e) => e.id)].sort());
    expect(new Set(queue.map((e) => e.studentId))).toEqual(new Set(waitlisted.map((r) => r.body.waitlistEntry.studentId)));
    // Every lesson of the term has exactly the 8 students, each with an attendance row (their calendar).
    const lesson = await as("GET", `/lessons/${slot.lessons.at(-1)!.lessonId}?include=attendance`);
    expect(new Set(lesson.body.studentIds)).toEqual(new Set(admitted.map((r) => r.body.enrolment.studentId)));

    // Full: without `waitlist` a 409 offering it.
    const late = (await students(1))[0]!;
    const full = await as("POST", "/admissions", { slotId: slot.id, studentId: late.id, planId: course.plans[0]!.id });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe("class_slot.full");

    // A withdrawal frees the seat and, in the same transaction, offers it to the first in line, with an email.
    const leaving = admitted[0]!.body.enrolment.studentId as string;
    const out = await as("POST", `/class-slots/${slot.id}/students/${leaving}/withdraw`);
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    const first = queue[0]!;
    expect(out.body.offeredTo.studentId).toBe(first.studentId);
    const after = await as("GET", `/class-slots/${slot.id}`);
    expect(after.body).toMatchObject({ seatsTaken: 8 });
    expect(after.body.waitlist[0]).toMatchObject({ studentId: first.studentId, state: "offered" });
    const firstKid = kids.find((k) => k.id === first.studentId)!;
    const [mail] = await readMail(firstKid.email as string, { subject: "A seat is free" });
    const link = extractLink(mail!.body.text ?? "", `/${owner.studio.slug}/act/class-offer/`);
    const token = link.split("/").at(-1)!;

    const shown = await api("GET", `/v1/public/class-offers/${token}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ state: "open", studentName: firstKid.firstName });
    const claimed = await api("POST", `/v1/public/class-offers/${token}/claim`);
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body.state).toBe("claimed");
    expect((await api("POST", `/v1/public/class-offers/${token}/claim`)).status).toBe(409);
    const final = await as("GET", `/class-slots/${slot.id}`);
    expect(final.body.seatsTaken).toBe(8);
    expect(final.body.enrolments.map((e: { studentId: string }) => e.studentId)).toContain(first.studentId);
    expect(final.body.enrolments.map((e: { studentId: string }) => e.studentId)).not.toContain(leaving);
    expect(final.body.waitlist).toHaveLength(11);
    const withdrawnLesson = await as("GET", `/lessons/${slot.lessons.at(-1)!.lessonId}`);
    expect(withdrawnLesson.body.studentIds).toContain(first.studentId);
    expect(withdrawnLesson.body.studentIds).not.toContain(leaving);
  });

  it("a capacity raise offers the new seats to the first students waiting, each emailed, and holds them", async () => {
    const course = await addCourse();
    const slot = await addSlot(course.id);
    const kids = await students(10);
    for (const kid of kids) await as("POST", "/admissions", { slotId: slot.id, studentId: kid.id, planId: course.plans[0]!.id, waitlist: true });
    const queue = (await as("GET", `/class-slots/${slot.id}`)).body.waitlist as { studentId: string }[];
    expect(queue).toHaveLength(2);
    const raised = await as("PATCH", `/class-slots/${slot.id}`, { capacity: 11 });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(raised.body).toMatchObject({ capacity: 11, seatsTaken: 10, seatsLeft: 1 });
    const after = await as("GET", `/class-slots/${slot.id}`);
    expect(after.body.waitlist.map((e: { state: string }) => e.state)).toEqual(["offered", "offered"]);
    for (const { studentId } of queue) await readMail(kids.find((k) => k.id === studentId)!.email as string, { subject: "A seat is free" });
    // Below the seats taken and held: refused, nothing changed.
    const lowered = await as("PATCH", `/class-slots/${slot.id}`, { capacity: 9 });
    expect(lowered.status).toBe(409);
    expect((await as("GET", `/class-slots/${slot.id}`)).body).toMatchObject({ capacity: 11, seatsTaken: 10 });
  });

  it("a declined offer goes to the next; an offer left unclaimed lapses (the job, run twice) and goes to the next", async () => {
    const course = await addCourse();
    const slot = await addSlot(course.id, { capacity: 1 });
    const [a, b, c, d] = await students(4);
    const planId = course.plans[0]!.id;
    expect((await as("POST", "/admissions", { slotId: slot.id, studentId: a!.id, planId })).body.outcome).toBe("admitted");
    for (const kid of [b, c, d])
      expect((await as("POST", "/admissions", { slotId: slot.id, studentId: kid!.id, planId, waitlist: true })).body.outcome).toBe("waitlisted");

    await as("POST", `/class-slots/${slot.id}/students/${a!.id}/withdraw`);
    const [offerB] = await readMail(b!.email as string, { subject: "A seat is free" });
    const tokenB = extractLink(offerB!.body.text ?? "", `/${owner.studio.slug}/act/class-offer/`)
      .split("/")
      .at(-1)!;
    const declined = await api("POST", `/v1/public/class-offers/${tokenB}/decline`);
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    await readMail(c!.email as string, { subject: "A seat is free" });
    expect((await as("GET", `/class-slots/${slot.id}`)).body.waitlist.map((e: { studentId: string; state: string }) => [e.studentId, e.state])).toEqual([
      [c!.id, "offered"],
      [d!.id, "waiting"],
    ]);

    const later = new Date(Date.now() + 49 * 3_600_000);
    const first = await expireClassOffers(fixedClock(later))();
    const second = await expireClassOffers(fixedClock(later))();
    expect(first.lapsed).toBeGreaterThanOrEqual(1);
    expect(second.lapsed).toBe(0);
    await readMail(d!.email as string, { subject: "A seat is free" });
    const slotNow = (await as("GET", `/class-slots/${slot.id}`)).body;
    expect(slotNow.waitlist.map((e: { studentId: string; state: string }) => [e.studentId, e.state])).toEqual([[d!.id, "offered"]]);
    expect(slotNow.seatsTaken).toBe(1);
  });

  it("admission is at most 4 DynamoDB calls and one transaction; refusals are 409/422", async () => {
    const course = await addCourse();
    const slot = await addSlot(course.id);
    const [kid, other] = await students(2);
    const res = await as("POST", "/admissions", { slotId: slot.id, studentId: kid!.id, planId: course.plans[0]!.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(dbCost(res.headers).calls).toBeLessThanOrEqual(4);
    expect(res.body.enrolment).toMatchObject({ classCount: 10, classesLeft: 10, feePlanId: course.plans[0]!.feePlanId });
    // The family hears of the seat, with its first class in the portal.
    const [seatMail] = await readMail(kid!.email as string, { subject: "has a seat in" });
    expect(seatMail!.body.text).toContain(`/portal/studios/${owner.studio.id}/lessons/${slot.lessons[0]!.lessonId}`);
    const twice = await as("POST", "/admissions", { slotId: slot.id, studentId: kid!.id, planId: course.plans[0]!.id });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("class_enrolment.exists");
    const badPlan = await as("POST", "/admissions", { slotId: slot.id, studentId: other!.id, planId: randomUUID() });
    expect(badPlan.status).toBe(422);
    expect(badPlan.body.errors.map((e: { path: string }) => e.path)).toEqual(["planId"]);
    // The seats never go below those taken (a condition of the write).
    const shrink = await as("PATCH", `/class-slots/${slot.id}`, { capacity: 1 });
    expect(shrink.status).toBe(200);
    const below = await as("PATCH", `/class-slots/${slot.id}`, { capacity: 0 });
    expect(below.status).toBe(422);
    const full = await as("POST", "/admissions", { slotId: slot.id, studentId: other!.id, planId: course.plans[0]!.id });
    expect(full.body.code).toBe("class_slot.full");
    const billing = await as("GET", `/fee-plans/${course.plans[0]!.feePlanId}/enrolments`);
    expect(billing.body.items.map((e: { studentId: string }) => e.studentId)).toContain(kid!.id);
  });
});

describe("privacy", () => {
  it("erasing a student takes their name off the class roster and the waitlist; the seat stays", async () => {
    const course = await addCourse();
    const slot = await addSlot(course.id, { capacity: 1 });
    const [seated, waiting] = await students(2);
    const planId = course.plans[0]!.id;
    await as("POST", "/admissions", { slotId: slot.id, studentId: seated!.id, planId });
    await as("POST", "/admissions", { slotId: slot.id, studentId: waiting!.id, planId, waitlist: true });
    for (const kid of [seated!, waiting!]) {
      const erased = await as("POST", "/privacy/erasures", { subject: { type: "student", id: kid.id } });
      expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    }
    const after = (await as("GET", `/class-slots/${slot.id}`)).body;
    expect(after.enrolments.map((e: { studentId: string; studentName: string }) => [e.studentId, e.studentName])).toEqual([[seated!.id, "Student"]]);
    expect(after.waitlist.map((e: { studentId: string; studentName: string }) => [e.studentId, e.studentName])).toEqual([[waiting!.id, "Student"]]);
    expect(JSON.stringify(after)).not.toContain(seated!.lastName);
  });
});

describe("a student is never double-booked", () => {
  it("an admission whose class clashes with the student's own lesson is a 409 naming it, and takes no seat", async () => {
    const course = await addCourse();
    const slot = await addSlot(course.id);
    const [kid] = await students(1);
    const other = await addTeacher(owner);
    const lesson = await as("POST", "/lessons", {
      teacherId: other.id,
      studentId: kid!.id,
      type: "private",
      scheduledStart: slot.lessons[2]!.start,
      durationMinutes: 30,
    });
    expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
    const clash = await as("POST", "/admissions", { slotId: slot.id, studentId: kid!.id, planId: course.plans[0]!.id });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe("lesson.double_booked");
    expect(clash.body.conflicts[0].lessonId).toBe(lesson.body.id);
    expect((await as("GET", `/class-slots/${slot.id}`)).body).toMatchObject({ seatsTaken: 0, enrolments: [] });
  });
});

describe("group attendance and classes left", () => {
  it("present or late uses a class; 4 left and 0 left email the family once each", async () => {
    const course = await addCourse([{ name: "5 classes", classCount: 5, priceMinor: 8000, validityDays: 60 }]);
    const slot = await addSlot(course.id);
    const [kid] = await students(1);
    await as("POST", "/admissions", { slotId: slot.id, studentId: kid!.id, planId: course.plans[0]!.id });
    const mark = async (index: number, status: string) => {
      const lesson = slot.lessons[index]!;
      const app = createApp({ clock: fixedClock(new Date(Date.parse(lesson.start) + 10 * 60_000)) });
      const res = await as(
        "POST",
        `/class-slots/${slot.id}/lessons/${lesson.lessonId}/attendance`,
        { entries: [{ studentId: kid!.id, status }] },
        owner.accessToken,
        app,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.students[0].classesLeft as number;
    };
    expect(await mark(0, "present")).toBe(4);
    await readMail(kid!.email as string, { subject: "4 classes left" });
    expect(await mark(0, "present")).toBe(4);
    expect(await mark(0, "absent")).toBe(5);
    expect(await mark(0, "late")).toBe(4);
    for (const i of [1, 2, 3, 4]) await mark(i, "present");
    const [renew] = await readMail(kid!.email as string, { subject: "time to renew" });
    expect(renew!.body.text).toContain(`/${owner.studio.slug}`);
    const fourLeft = await readMail(kid!.email as string, { subject: "4 classes left", count: 1 });
    expect(fourLeft).toHaveLength(1);
    // Not yet begun: present is refused.
    const early = await as("POST", `/class-slots/${slot.id}/lessons/${slot.lessons[5]!.lessonId}/attendance`, {
      entries: [{ studentId: kid!.id, status: "present" }],
    });
    expect(early.status).toBe(422);
    // A class's date names its class, and the lessons' own attendance route sends the caller there (it would not count classes).
    const date = slot.lessons[5]!.lessonId;
    expect((await as("GET", `/lessons/${date}`)).body.classSlotId).toBe(slot.id);
    const direct = await as("PUT", `/lessons/${date}/attendance`, { entries: [{ studentId: kid!.id, status: "absent" }] });
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe("attendance.class_lesson");
  });
});
