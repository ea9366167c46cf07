import { randomUUID } from "node:crypto";
import { Scheduling } from "@studiosync/core";
import { scheduleDb } from "@studiosync/core/scheduling";
import { addDays, localParts, offsetMinutes, zonedInstant } from "@studiosync/core/kernel";
import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { addStudent, addTeacher, memberWithRole, paths } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
type Slot = { start: string; end: string; local: { date: string; startTime: string; endTime: string; timeZone: string } };
const NY = "America/New_York";
let owner: Owner;
let intruder: Owner;

const EVERY_DAY_9_TO_12 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "09:00", end: "12:00" }));
/** A local date in New York a week from now: in the future whenever the tests run. */
const inAWeek = () => addDays(localParts(new Date(), NY).date, 7);
const slotsUrl = (studioId: string, query: Record<string, string | number>) =>
  `/v1/studios/${studioId}/free-slots?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`;

async function search(query: Record<string, string | number>, token = owner.accessToken, studio = owner) {
  return api<{ items: Slot[]; bookingBufferMinutes: number; timeZone: string; errors?: { path: string; message: string }[] }>(
    "GET",
    slotsUrl(studio.studio.id, query),
    { token },
  );
}
const startTimes = (slots: Slot[]) => slots.map((s) => `${s.local.date} ${s.local.startTime}`);

async function teacherWithHours(studio: Owner, weeklyHours = EVERY_DAY_9_TO_12, body: Record<string, unknown> = {}) {
  const teacher = await addTeacher(studio, body);
  const res = await api("PUT", `/v1/studios/${studio.studio.id}/availability/${teacher.id}`, { token: studio.accessToken, body: { weeklyHours } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return teacher;
}

async function book(teacherId: string, studentId: string, date: string, time: string, durationMinutes: number) {
  return api("POST", `/v1/studios/${owner.studio.id}/lessons`, {
    token: owner.accessToken,
    body: { teacherId, studentId, scheduledStart: zonedInstant(date, time, NY).toISOString(), durationMinutes },
  });
}

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
});

describe("GET /v1/studios/{studioId}/free-slots", () => {
  it("offers slots inside the working hours, in UTC and local time", async () => {
    const teacher = await teacherWithHours(owner);
    const day = inAWeek();
    const res = await search({ teacherId: teacher.id, from: day, to: day, durationMinutes: 60, stepMinutes: 30 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ teacherId: teacher.id, timeZone: NY, from: day, to: day, durationMinutes: 60, stepMinutes: 30, bookingBufferMinutes: 0 });
    expect(startTimes(res.body.items)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00"].map((t) => `${day} ${t}`));
    const first = res.body.items[0]!;
    expect(first).toEqual({
      start: zonedInstant(day, "09:00", NY).toISOString(),
      end: zonedInstant(day, "10:00", NY).toISOString(),
      local: { date: day, startTime: "09:00", endTime: "10:00", timeZone: NY },
    });
    // Membership, studio, teacher and hours in one read; closures and day schedules in parallel.
    expect(dbCost(res.headers).calls).toBe(3);
    // stepMinutes defaults to 15.
    expect((await search({ teacherId: teacher.id, from: day, to: day, durationMinutes: 60 })).body.items).toHaveLength(9);
  });

  it("drops a booked lesson's slots with the teacher's buffer around it; what it offers is bookable", async () => {
    const teacher = await teacherWithHours(owner);
    const patched = await api("PATCH", `/v1/studios/${owner.studio.id}/teachers/${teacher.id}`, {
      token: owner.accessToken,
      body: { bookingBufferMinutes: 15 },
    });
    expect(patched.status).toBe(200);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const day = inAWeek();
    const query = { teacherId: teacher.id, from: day, to: day, durationMinutes: 30 };

    const before = await search(query);
    expect(before.body.bookingBufferMinutes).toBe(15);
    expect(startTimes(before.body.items)).toContain(`${day} 09:30`);
    expect((await book(teacher.id, student.id, day, "10:00", 60)).status).toBe(201);

    const after = await search(query);
    // 10:00–11:00 is booked; 15 minutes stay free before and after it.
    expect(startTimes(after.body.items)).toEqual(["09:00", "09:15", "11:15", "11:30"].map((t) => `${day} ${t}`));
    expect((await book(teacher.id, student.id, day, "09:30", 30)).status).toBe(409);
    expect((await book(teacher.id, student.id, day, "11:15", 30)).status).toBe(201);
    expect(startTimes((await search(query)).body.items)).toEqual([`${day} 09:00`, `${day} 09:15`]);
  });

  it("with studentId, also keeps clear of that student's lessons with other teachers", async () => {
    const [teacher, otherTeacher] = await Promise.all([teacherWithHours(owner), teacherWithHours(owner)]);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const day = addDays(inAWeek(), 1);
    expect((await book(otherTeacher.id, student.id, day, "09:00", 60)).status).toBe(201);
    const query = { teacherId: teacher.id, from: day, to: day, durationMinutes: 60, stepMinutes: 60 };
    expect(startTimes((await search(query)).body.items)).toEqual([`${day} 09:00`, `${day} 10:00`, `${day} 11:00`]);
    expect(startTimes((await search({ ...query, studentId: student.id })).body.items)).toEqual([`${day} 10:00`, `${day} 11:00`]);

    // Naming a student reveals when they are busy: only one the member may see.
    const [self, other] = await Promise.all([addStudent(owner), addStudent(owner)]);
    const member = await memberWithRole(owner, "student", { studentId: self.id });
    expect((await search({ ...query, studentId: self.id }, member.accessToken)).status).toBe(200);
    const hidden = await search({ ...query, studentId: other.id }, member.accessToken);
    expect(hidden.status).toBe(422);
    expect(paths(hidden)).toEqual(["studentId"]);
    expect(paths(await search({ ...query, studentId: "no-such-student" }))).toEqual(["studentId"]);
  });

  it("has no slots on a closure's dates", async () => {
    const teacher = await teacherWithHours(owner);
    const day = addDays(inAWeek(), 2);
    // Written straight into the table: the closures route is tested in closures.test.ts.
    await scheduleDb()
      .entities.closure.create({
        studioId: owner.studio.id,
        closureId: randomUUID(),
        startDate: addDays(day, 1),
        endDate: addDays(day, 1),
        reason: "Holiday",
        createdBy: owner.userId,
      })
      .go();
    const res = await search({ teacherId: teacher.id, from: day, to: addDays(day, 2), durationMinutes: 180 });
    expect(startTimes(res.body.items)).toEqual([`${day} 09:00`, `${addDays(day, 2)} 09:00`]);
  });

  it("keeps working hours at local time across the next DST change in America/New_York", async () => {
    const teacher = await teacherWithHours(owner);
    let change = inAWeek();
    while (offsetMinutes(zonedInstant(change, "12:00", NY), NY) === offsetMinutes(zonedInstant(addDays(change, -1), "12:00", NY), NY))
      change = addDays(change, 1);
    const res = await search({ teacherId: teacher.id, from: addDays(change, -1), to: addDays(change, 1), durationMinutes: 180 });
    const items = res.body.items;
    expect(items.map((s) => s.local.startTime)).toEqual(["09:00", "09:00", "09:00"]);
    const hours = items.map((s) => new Date(s.start).getUTCHours());
    expect(hours[0]).not.toBe(hours[1]);
    expect(hours[1]).toBe(hours[2]);
    expect(Math.abs(hours[0]! - hours[1]!)).toBe(1);
  });

  it("leaves out the past", async () => {
    const teacher = await teacherWithHours(
      owner,
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" })),
    );
    const today = localParts(new Date(), NY).date;
    const res = await search({ teacherId: teacher.id, from: addDays(today, -1), to: today, durationMinutes: 30, stepMinutes: 30 });
    expect(res.status).toBe(200);
    const now = Date.now();
    expect(res.body.items.every((s) => Date.parse(s.start) >= now - 5_000)).toBe(true);
    expect(res.body.items.some((s) => s.local.date === addDays(today, -1))).toBe(false);
  });

  it("has nothing for a teacher with no working hours", async () => {
    const teacher = await addTeacher(owner);
    const day = inAWeek();
    const res = await search({ teacherId: teacher.id, from: day, to: addDays(day, 30), durationMinutes: 30 });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it("names each invalid parameter; a teacher not listed (or inactive) in this studio is a 422", async () => {
    const teacher = await teacherWithHours(owner);
    const day = inAWeek();
    expect(paths(await search({ teacherId: teacher.id, from: day, to: addDays(day, -1), durationMinutes: 30 }))).toEqual(["to"]);
    expect(paths(await search({ teacherId: teacher.id, from: day, to: addDays(day, 31), durationMinutes: 30 }))).toEqual(["to"]);
    expect((await search({ teacherId: teacher.id, from: day, to: addDays(day, 30), durationMinutes: 30 })).status).toBe(200);
    expect(paths(await search({ teacherId: teacher.id, from: "2026-02-30", to: "soon", durationMinutes: "long", stepMinutes: 2 }))).toEqual([
      "durationMinutes",
      "from",
      "stepMinutes",
      "to",
    ]);
    expect(paths(await api("GET", `/v1/studios/${owner.studio.id}/free-slots`, { token: owner.accessToken }))).toEqual([
      "durationMinutes",
      "from",
      "teacherId",
      "to",
    ]);

    const deleted = await addTeacher(owner);
    await api("DELETE", `/v1/studios/${owner.studio.id}/teachers/${deleted.id}`, { token: owner.accessToken });
    const inactive = await teacherWithHours(owner, EVERY_DAY_9_TO_12, { isActive: false });
    const foreign = await teacherWithHours(intruder);
    for (const id of ["no-such-teacher", deleted.id, inactive.id, foreign.id]) {
      const res = await search({ teacherId: id, from: day, to: day, durationMinutes: 30 });
      expect(res.status).toBe(422);
      expect(paths(res)).toEqual(["teacherId"]);
    }
  });

  it("is for every member", async () => {
    const teacher = await teacherWithHours(owner);
    const day = inAWeek();
    const query = { teacherId: teacher.id, from: day, to: day, durationMinutes: 60 };
    const parent = await memberWithRole(owner, "parent");
    expect((await search(query, parent.accessToken)).body.items).toHaveLength(9);
  });
});

describe("findFreeSlots (core, for make-up and trial booking)", () => {
  it("answers like the route without a member check, and checks its search", async () => {
    const teacher = await teacherWithHours(owner);
    const day = inAWeek();
    const query = { teacherId: teacher.id, from: day, to: addDays(day, 1), durationMinutes: 45 };
    const direct = await Scheduling.findFreeSlots(owner.studio.id, query);
    expect(direct).toEqual((await search(query)).body);
    expect(direct.items.length).toBeGreaterThan(0);
    await expect(Scheduling.findFreeSlots(owner.studio.id, { ...query, to: addDays(day, 40) })).rejects.toMatchObject({
      code: "validation_failed",
      details: { errors: [{ path: "to" }] },
    });
    await expect(Scheduling.findFreeSlots(intruder.studio.id, query)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(Scheduling.findFreeSlots("no-such-studio", query)).rejects.toMatchObject({ code: "not_found" });
  });
});
