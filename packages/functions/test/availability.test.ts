import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { addStudent, addTeacher, auditActions, memberWithRole, paths } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;
const url = (studioId: string, rest = "") => `/v1/studios/${studioId}/availability${rest}`;

const WEEK = [
  { weekday: 3, start: "14:00", end: "18:00" },
  { weekday: 1, start: "13:00", end: "17:00" },
  { weekday: 1, start: "09:00", end: "12:00" },
];
const SORTED = [WEEK[2], WEEK[1], WEEK[0]];

async function setHours(teacherId: string, weeklyHours: unknown, token = owner.accessToken) {
  return api("PUT", url(owner.studio.id, `/${teacherId}`), { token, body: { weeklyHours } });
}

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
});

describe("PUT /v1/studios/{studioId}/availability/{teacherId}", () => {
  it("replaces the teacher's week, sorted, in the studio's time zone, audited", async () => {
    const teacher = await addTeacher(owner, { firstName: "Hana" });
    const res = await setHours(teacher.id, WEEK);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      teacherId: teacher.id,
      teacherName: `Hana ${teacher.lastName}`,
      timeZone: "America/New_York",
      weeklyHours: SORTED,
    });
    expect(res.body.updatedAt).toMatch(/Z$/);
    const read = await api("GET", url(owner.studio.id, `/${teacher.id}`), { token: owner.accessToken });
    expect(read.body).toEqual(res.body);
    expect(dbCost(read.headers).calls).toBe(1);

    const cleared = await setHours(teacher.id, []);
    expect(cleared.status).toBe(200);
    expect(cleared.body.weeklyHours).toEqual([]);
    expect(await auditActions(owner.studio.id, "availability", teacher.id)).toEqual(["availability.updated", "availability.updated"]);
  });

  it("is for admins and the teacher themself; another teacher, a student or a parent gets 403 and changes nothing", async () => {
    const [mine, other] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
    const student = await addStudent(owner, { primaryTeacherId: mine.id });
    const [admin, self, otherTeacher, studentMember, parent] = await Promise.all([
      memberWithRole(owner, "admin"),
      memberWithRole(owner, "teacher", { teacherId: mine.id }),
      memberWithRole(owner, "teacher", { teacherId: other.id }),
      memberWithRole(owner, "student", { studentId: student.id }),
      memberWithRole(owner, "parent"),
    ]);
    expect((await setHours(mine.id, WEEK, admin.accessToken)).status).toBe(200);
    const own = await setHours(mine.id, [{ weekday: 5, start: "10:00", end: "24:00" }], self.accessToken);
    expect(own.status).toBe(200);
    expect(own.body.weeklyHours).toEqual([{ weekday: 5, start: "10:00", end: "24:00" }]);
    for (const refused of [otherTeacher, studentMember, parent]) {
      const res = await setHours(mine.id, [], refused.accessToken);
      expect(res.status).toBe(403);
    }
    const after = await api("GET", url(owner.studio.id, `/${mine.id}`), { token: self.accessToken });
    expect(after.body.weeklyHours).toEqual([{ weekday: 5, start: "10:00", end: "24:00" }]);
  });

  it("names each invalid range: end not after start, overlaps, bad weekdays and times", async () => {
    const teacher = await addTeacher(owner);
    const res = await setHours(teacher.id, [
      { weekday: 1, start: "09:00", end: "12:00" },
      { weekday: 1, start: "11:30", end: "13:00" },
      { weekday: 2, start: "15:00", end: "15:00" },
      { weekday: 8, start: "9:00", end: "24:30" },
      { weekday: 2, start: "10:00", end: "11:00", extra: true },
    ]);
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual([
      "weeklyHours.1.start",
      "weeklyHours.2.end",
      "weeklyHours.3.end",
      "weeklyHours.3.start",
      "weeklyHours.3.weekday",
      "weeklyHours.4",
    ]);
    expect(res.body.errors.find((e: { path: string }) => e.path === "weeklyHours.1.start").message).toBe("overlaps 09:00–12:00 on the same weekday");

    const tooMany = Array.from({ length: 22 }, (_, i) => ({
      weekday: (i % 7) + 1,
      start: `${String(i).padStart(2, "0")}:00`,
      end: `${String(i).padStart(2, "0")}:30`,
    }));
    expect(paths(await setHours(teacher.id, tooMany))).toEqual(["weeklyHours"]);
    expect(paths(await setHours(teacher.id, tooMany.slice(0, 21)))).toEqual([]);
    expect(paths(await api("PUT", url(owner.studio.id, `/${teacher.id}`), { token: owner.accessToken, body: {} }))).toEqual(["weeklyHours"]);
  });

  it("records exactly one audit event per week written when PUTs race (a loser gets 409)", async () => {
    const teacher = await addTeacher(owner);
    const results = await Promise.all([1, 2, 3, 4, 5].map((weekday) => setHours(teacher.id, [{ weekday, start: "09:00", end: "10:00" }])));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(await auditActions(owner.studio.id, "availability", teacher.id)).toHaveLength(statuses.filter((s) => s === 200).length);
    const stored = await api("GET", url(owner.studio.id, `/${teacher.id}`), { token: owner.accessToken });
    expect(results.filter((r) => r.status === 200).map((r) => r.body.weeklyHours)).toContainEqual(stored.body.weeklyHours);
  });

  it("needs a listed teacher of this studio (404 for missing, deleted or another studio's)", async () => {
    const deleted = await addTeacher(owner);
    await api("DELETE", `/v1/studios/${owner.studio.id}/teachers/${deleted.id}`, { token: owner.accessToken });
    const foreign = await addTeacher(intruder);
    for (const id of ["no-such-teacher", deleted.id, foreign.id]) {
      expect((await setHours(id, WEEK)).status).toBe(404);
      expect((await api("GET", url(owner.studio.id, `/${id}`), { token: owner.accessToken })).status).toBe(404);
    }
    expect(await auditActions(owner.studio.id, "availability", deleted.id)).toEqual([]);
  });
});

describe("GET /v1/studios/{studioId}/availability/{teacherId}", () => {
  it("shows an empty week for a teacher with no hours set, to every member", async () => {
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner);
    const member = await memberWithRole(owner, "student", { studentId: student.id });
    const res = await api("GET", url(owner.studio.id, `/${teacher.id}`), { token: member.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ teacherId: teacher.id, weeklyHours: [], updatedAt: null, timeZone: "America/New_York" });
  });
});

describe("GET /v1/studios/{studioId}/availability", () => {
  it("lists every listed teacher's week by name, paginated, with a teacherId filter", async () => {
    const studio = await ownerWithStudio({ timeZone: "Europe/London" });
    const [anna, ben, cleo] = await Promise.all([
      addTeacher(studio, { firstName: "Anna", lastName: "A" }),
      addTeacher(studio, { firstName: "Ben", lastName: "B" }),
      addTeacher(studio, { firstName: "Cleo", lastName: "C" }),
    ]);
    expect((await api("PUT", url(studio.studio.id, `/${cleo.id}`), { token: studio.accessToken, body: { weeklyHours: WEEK } })).status).toBe(200);
    await api("DELETE", `/v1/studios/${studio.studio.id}/teachers/${ben.id}`, { token: studio.accessToken });
    const parent = await memberWithRole(studio, "parent");

    const all = await api("GET", url(studio.studio.id), { token: parent.accessToken });
    expect(all.status).toBe(200);
    expect(
      all.body.items.map((a: { teacherName: string; weeklyHours: unknown[]; timeZone: string }) => [a.teacherName, a.weeklyHours.length, a.timeZone]),
    ).toEqual([
      ["Anna A", 0, "Europe/London"],
      ["Cleo C", 3, "Europe/London"],
    ]);
    expect(all.body.nextCursor).toBeNull();
    // Membership and studio, a page of the teacher directory, their hours in one BatchGet.
    expect(dbCost(all.headers).calls).toBe(3);

    const first = await api("GET", url(studio.studio.id, "?limit=1"), { token: parent.accessToken });
    expect(first.body.items.map((a: { teacherId: string }) => a.teacherId)).toEqual([anna.id]);
    const second = await api("GET", url(studio.studio.id, `?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`), { token: parent.accessToken });
    expect(second.body.items.map((a: { teacherId: string }) => a.teacherId)).toEqual([cleo.id]);

    const one = await api("GET", url(studio.studio.id, `?teacherId=${cleo.id}`), { token: parent.accessToken });
    expect(one.body).toEqual({ items: [all.body.items[1]], nextCursor: null });
    expect((await api("GET", url(studio.studio.id, `?teacherId=${ben.id}`), { token: parent.accessToken })).body.items).toEqual([]);
    expect(paths(await api("GET", url(studio.studio.id, "?limit=500&cursor=garbage"), { token: parent.accessToken }))).toEqual(["limit"]);
    expect(paths(await api("GET", url(studio.studio.id, "?cursor=garbage"), { token: parent.accessToken }))).toEqual(["cursor"]);
  });
});
