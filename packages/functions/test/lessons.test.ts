import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { booked, calendar, futureAt } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((l) => l.id);
const window = { from: futureAt(1, 0), to: futureAt(20, 0) };

describe("lessons and calendars", () => {
  let owner: Owner;
  let other: Owner;
  let t: Record<"a" | "b", string>;
  let s: Record<"one" | "two" | "three", string>;
  let familyId: string;
  let tokens: Record<"teacherA" | "teacherB" | "studentOne" | "studentThree" | "parent" | "otherParent", string>;
  let lessons: Record<"one" | "two" | "three" | "band", { id: string; scheduledStart: string }>;

  beforeAll(async () => {
    [owner, other] = await Promise.all([ownerWithStudio({ timeZone: "America/New_York" }), ownerWithStudio()]);
    const [teacherA, teacherB] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
    t = { a: teacherA.id, b: teacherB.id };
    const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "The Okafors" } });
    const otherFamily = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "The Novaks" } });
    familyId = family.body.id;
    const [one, two, three] = await Promise.all([
      addStudent(owner, { primaryTeacherId: t.a, familyId }),
      addStudent(owner, { primaryTeacherId: t.b, familyId }),
      addStudent(owner, { primaryTeacherId: t.a, familyId: otherFamily.body.id }),
    ]);
    s = { one: one.id, two: two.id, three: three.id };
    const members = await Promise.all([
      memberWithRole(owner, "teacher", { teacherId: t.a }),
      memberWithRole(owner, "teacher", { teacherId: t.b }),
      memberWithRole(owner, "student", { studentId: s.one }),
      memberWithRole(owner, "student", { studentId: s.three }),
      memberWithRole(owner, "parent", { familyId }),
      memberWithRole(owner, "parent", { familyId: otherFamily.body.id }),
    ]);
    tokens = {
      teacherA: members[0].accessToken,
      teacherB: members[1].accessToken,
      studentOne: members[2].accessToken,
      studentThree: members[3].accessToken,
      parent: members[4].accessToken,
      otherParent: members[5].accessToken,
    };
    const band = await api("POST", `/v1/studios/${owner.studio.id}/bands`, { token: owner.accessToken, body: { name: "The Rests" } });
    for (const id of [s.one, s.two]) await api("PUT", `/v1/studios/${owner.studio.id}/bands/${band.body.id}/members/${id}`, { token: owner.accessToken });
    lessons = {
      one: await booked(owner, { teacherId: t.a, studentId: s.one, scheduledStart: futureAt(3, 15) }),
      two: await booked(owner, { teacherId: t.b, studentId: s.two, scheduledStart: futureAt(4, 15) }),
      three: await booked(owner, { teacherId: t.a, studentId: s.three, scheduledStart: futureAt(5, 15), roomName: "Studio A" }),
      band: await booked(owner, { teacherId: t.b, bandId: band.body.id, type: "ensemble", scheduledStart: futureAt(6, 18) }),
    };
  });

  it("shows one lesson to those who may read it, and hides it from everyone else", async () => {
    const path = `/v1/studios/${owner.studio.id}/lessons/${lessons.one.id}`;
    const mine = await api("GET", path, { token: owner.accessToken });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: lessons.one.id, teacherId: t.a, studentIds: [s.one], local: { timeZone: "America/New_York" } });
    expect(dbCost(mine.headers).calls).toBe(1);
    for (const token of [tokens.teacherA, tokens.studentOne, tokens.parent]) expect((await api("GET", path, { token })).status).toBe(200);
    for (const token of [tokens.teacherB, tokens.studentThree, tokens.otherParent, other.accessToken])
      expect((await api("GET", path, { token })).status).toBe(404);
    expect((await api("GET", path)).status).toBe(401);
    expect((await api("GET", `/v1/studios/${owner.studio.id}/lessons/nope`, { token: owner.accessToken })).status).toBe(404);
  });

  it("gives every role its own calendar by default", async () => {
    expect(ids(await calendar(owner, owner.accessToken, window))).toEqual([lessons.one.id, lessons.two.id, lessons.three.id, lessons.band.id]);
    expect(ids(await calendar(owner, tokens.teacherA, window))).toEqual([lessons.one.id, lessons.three.id]);
    expect(ids(await calendar(owner, tokens.teacherB, window))).toEqual([lessons.two.id, lessons.band.id]);
    expect(ids(await calendar(owner, tokens.studentOne, window))).toEqual([lessons.one.id, lessons.band.id]);
    expect(ids(await calendar(owner, tokens.studentThree, window))).toEqual([lessons.three.id]);
  });

  it("lists a family's children in one calendar, one entry per child in a lesson", async () => {
    const res = await calendar(owner, tokens.parent, window);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { id: string; attendeeStudentId: string }) => [e.id, e.attendeeStudentId])).toEqual([
      [lessons.one.id, s.one],
      [lessons.two.id, s.two],
      ...[s.one, s.two].sort().map((id) => [lessons.band.id, id]),
    ]);
    const admin = await calendar(owner, owner.accessToken, { ...window, familyId });
    expect(admin.body.items).toHaveLength(4);
    const child = await calendar(owner, tokens.parent, { ...window, studentId: s.two });
    expect(ids(child)).toEqual([lessons.two.id, lessons.band.id]);
  });

  it("reads a teacher's, a student's and a room's calendar for whoever may see it, 403 for anyone else", async () => {
    expect(ids(await calendar(owner, owner.accessToken, { ...window, teacherId: t.a }))).toEqual([lessons.one.id, lessons.three.id]);
    expect(ids(await calendar(owner, tokens.teacherA, { ...window, teacherId: t.a }))).toEqual([lessons.one.id, lessons.three.id]);
    expect(ids(await calendar(owner, owner.accessToken, { ...window, studentId: s.one }))).toEqual([lessons.one.id, lessons.band.id]);
    // A teacher reads their own student's calendar, but only the lessons they teach.
    expect(ids(await calendar(owner, tokens.teacherA, { ...window, studentId: s.one }))).toEqual([lessons.one.id]);
    expect(ids(await calendar(owner, owner.accessToken, { ...window, roomName: " studio  A " }))).toEqual([lessons.three.id]);

    const refused: Array<[string, Record<string, string>]> = [
      [tokens.teacherA, { teacherId: t.b }],
      [tokens.teacherA, { studentId: s.two }],
      [tokens.teacherA, { familyId }],
      [tokens.teacherA, { roomName: "Studio A" }],
      [tokens.studentOne, { studentId: s.three }],
      [tokens.studentOne, { teacherId: t.a }],
      [tokens.parent, { studentId: s.three }],
      [tokens.otherParent, { familyId }],
    ];
    for (const [token, filter] of refused) {
      const res = await calendar(owner, token, { ...window, ...filter });
      expect(res.status, JSON.stringify(filter)).toBe(403);
      expect(res.body.errors[0].path).toBe(Object.keys(filter)[0]);
    }
    expect((await calendar(owner, other.accessToken, window)).status).toBe(404);
    expect((await calendar(other, other.accessToken, { ...window, teacherId: t.a })).body.items).toEqual([]);
  });

  it("lists lessons starting in [from, to) and filters by status", async () => {
    const at = lessons.one.scheduledStart;
    expect(ids(await calendar(owner, tokens.teacherA, { from: at, to: futureAt(4, 0) }))).toEqual([lessons.one.id]);
    expect(ids(await calendar(owner, tokens.teacherA, { from: futureAt(1, 0), to: at }))).toEqual([]);
    expect(ids(await calendar(owner, owner.accessToken, { ...window, status: "scheduled", teacherId: t.a }))).toHaveLength(2);
    expect(ids(await calendar(owner, owner.accessToken, { ...window, status: "completed" }))).toEqual([]);
    expect(ids(await calendar(owner, tokens.parent, { ...window, status: "completed" }))).toEqual([]);
  });

  it("refuses bad ranges and filters", async () => {
    const bad = async (params: Record<string, string>) => {
      const res = await calendar(owner, owner.accessToken, params);
      expect(res.status, JSON.stringify(params)).toBe(422);
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await bad({ from: futureAt(1, 0), to: futureAt(94, 0) })).toEqual(["to"]);
    expect(await bad({ from: futureAt(5, 0), to: futureAt(2, 0) })).toEqual(["to"]);
    expect(await bad({ to: futureAt(2, 0) })).toEqual(["from"]);
    expect(await bad({ ...window, from: "2027-01-01" })).toEqual(["from"]);
    expect(await bad({ ...window, teacherId: t.a, studentId: s.one })).toEqual(["studentId"]);
    expect(await bad({ ...window, status: "done" })).toEqual(["status"]);
    expect(await bad({ ...window, cursor: "garbage" })).toEqual(["cursor"]);
    expect((await calendar(owner, owner.accessToken, { from: futureAt(1, 0), to: futureAt(93, 0) })).status).toBe(200);
  });

  it("pages through a calendar in order", async () => {
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const made = [];
    for (const day of [30, 31, 32, 33, 34])
      made.push((await booked(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(day, 12) })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await calendar(owner, owner.accessToken, { from: futureAt(29, 0), to: futureAt(40, 0), teacherId: teacher.id, limit: 2, cursor });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(res));
      cursor = res.body.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(made);
  });

  it("costs two DynamoDB calls for a teacher's week, a student's month and a studio's day", async () => {
    const week = await calendar(owner, tokens.teacherA, { from: futureAt(1, 0), to: futureAt(8, 0) });
    const month = await calendar(owner, tokens.studentOne, { from: futureAt(1, 0), to: futureAt(31, 0) });
    const day = await calendar(owner, owner.accessToken, { from: futureAt(3, 0), to: futureAt(4, 0) });
    const family = await calendar(owner, tokens.parent, { ...window, studentId: s.two });
    for (const res of [week, month, day, family]) {
      expect(res.status).toBe(200);
      expect(dbCost(res.headers).calls).toBeLessThanOrEqual(2);
    }
    expect(ids(day)).toEqual([lessons.one.id]);
  });
});

describe("calendars across DST changes", () => {
  for (const { timeZone, before, after, offsets } of [
    { timeZone: "America/New_York", before: "2027-03-11", after: "2027-03-18", offsets: ["-05:00", "-04:00"] },
    { timeZone: "Europe/London", before: "2027-10-28", after: "2027-11-04", offsets: ["+01:00", "+00:00"] },
  ]) {
    it(`keeps a 16:00 lesson at 16:00 local on both sides of the change (${timeZone})`, async () => {
      const owner = await ownerWithStudio({ timeZone });
      const teacher = await addTeacher(owner);
      const student = await addStudent(owner, { primaryTeacherId: teacher.id });
      const first = await booked(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: `${before}T16:00:00${offsets[0]}` });
      const second = await booked(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: `${after}T16:00:00${offsets[1]}` });
      expect(new Date(second.scheduledStart).getTime() - new Date(first.scheduledStart).getTime()).not.toBe(7 * 86_400_000);
      const res = await calendar(owner, owner.accessToken, { from: `${before}T00:00:00Z`, to: `${after}T23:59:00Z`, teacherId: teacher.id });
      expect(res.body.items.map((l: { local: unknown }) => l.local)).toEqual([
        { date: before, startTime: "16:00", endTime: "16:45", timeZone },
        { date: after, startTime: "16:00", endTime: "16:45", timeZone },
      ]);
    });
  }
});
