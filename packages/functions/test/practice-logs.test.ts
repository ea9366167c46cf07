import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio, type ApiResponse } from "./support/api";
import { memberWithRole, type Member } from "./support/members";
import { addStudent, addTeacher, auditActions, paths, seedFamily } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
/** UTC+14: its date is ahead of UTC for most of the day, so "today" must be the studio's. */
const ZONE = "Pacific/Kiritimati";
const localToday = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let owner: Owner;
let s1: { id: string };
const as: Record<string, Member> = {};
const url = (rest = "") => `/v1/studios/${owner.studio.id}/practice-logs${rest}`;
const call = (who: string, method: string, rest: string, body?: unknown) =>
  api(method, url(rest), { token: who === "owner" ? owner.accessToken : as[who]!.accessToken, body });
const log = async (who: string, body: Record<string, unknown> = {}) => {
  const res = await call(who, "POST", "", { studentId: s1.id, practisedOn: plusDays(localToday(ZONE), -1), minutes: 20, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string } & Record<string, unknown>;
};

beforeAll(async () => {
  owner = await ownerWithStudio({ timeZone: ZONE });
  const [a, b] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
  const [familyF, familyF2] = await Promise.all([seedFamily(owner.studio.id), seedFamily(owner.studio.id)]);
  const [student1, student2] = await Promise.all([
    addStudent(owner, { primaryTeacherId: a.id, familyId: familyF }),
    addStudent(owner, { primaryTeacherId: b.id, familyId: familyF2 }),
  ]);
  s1 = student1;
  const [admin, teacherOwn, teacherOther, studentSelf, studentOther, parentOwn, parentOther] = await Promise.all([
    memberWithRole(owner, "admin"),
    memberWithRole(owner, "teacher", { teacherId: a.id }),
    memberWithRole(owner, "teacher", { teacherId: b.id }),
    memberWithRole(owner, "student", { studentId: student1.id }),
    memberWithRole(owner, "student", { studentId: student2.id }),
    memberWithRole(owner, "parent", { familyId: familyF, guardianId: "g1" }),
    memberWithRole(owner, "parent", { familyId: familyF2, guardianId: "g2" }),
  ]);
  Object.assign(as, { admin, teacherOwn, teacherOther, studentSelf, studentOther, parentOwn, parentOther });
});

describe("POST /v1/studios/{studioId}/practice-logs", () => {
  it("records a student's practice by the student, their parent or an admin, audited", async () => {
    const today = localToday(ZONE);
    const res = await call("studentSelf", "POST", "", {
      studentId: s1.id,
      practisedOn: today,
      minutes: 35,
      pieces: ["Minuet in G", "Scales"],
      notes: "Tricky bar 12",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      studentId: s1.id,
      practisedOn: today,
      minutes: 35,
      pieces: ["Minuet in G", "Scales"],
      notes: "Tricky bar 12",
      recordedBy: as.studentSelf!.userId,
    });
    expect(await auditActions(owner.studio.id, "practiceLog", res.body.id)).toEqual(["practiceLog.created"]);
    expect((await log("parentOwn")).recordedBy).toBe(as.parentOwn!.userId);
    expect((await log("admin", { pieces: [] })).pieces).toEqual([]);
    expect((await log("owner")).notes).toBeNull();
  });

  it("refuses a day after today in the studio's time zone, and names each invalid field", async () => {
    const tomorrow = plusDays(localToday(ZONE), 1);
    const future = await call("studentSelf", "POST", "", { studentId: s1.id, practisedOn: tomorrow, minutes: 10 });
    expect(future.status).toBe(422);
    expect(paths(future)).toEqual(["practisedOn"]);
    expect(future.body.errors[0].message).toContain(ZONE);
    const bad = await call("owner", "POST", "", { practisedOn: "2026-13-01", minutes: 0, pieces: "Minuet", extra: 1 });
    expect(paths(bad)).toEqual(["extra", "minutes", "pieces", "practisedOn", "studentId"]);
    for (const minutes of [601, 12.5, "30"]) {
      expect(paths(await call("owner", "POST", "", { studentId: s1.id, practisedOn: "2026-01-05", minutes })), String(minutes)).toEqual(["minutes"]);
    }
    expect((await call("owner", "POST", "", { studentId: s1.id, practisedOn: "2026-01-05", minutes: 600 })).status).toBe(201);
  });

  it("is not the teacher's to write (403); other members cannot see the student (404)", async () => {
    const body = { studentId: s1.id, practisedOn: "2026-01-05", minutes: 15 };
    expect((await call("teacherOwn", "POST", "", body)).status).toBe(403);
    for (const who of ["teacherOther", "studentOther", "parentOther"]) expect((await call(who, "POST", "", body)).status, who).toBe(404);
  });
});

describe("GET /v1/studios/{studioId}/practice-logs", () => {
  it("shows the student's practice to whoever may see the student, their teacher included", async () => {
    const entry = await log("studentSelf", { practisedOn: "2026-03-03", minutes: 42 });
    for (const who of ["owner", "admin", "teacherOwn", "studentSelf", "parentOwn"]) {
      const list = await call(who, "GET", `?studentId=${s1.id}&from=2026-03-03&to=2026-03-03`);
      expect(list.status, who).toBe(200);
      expect(
        list.body.items.map((l: { id: string }) => l.id),
        who,
      ).toEqual([entry.id]);
    }
    for (const who of ["teacherOther", "studentOther", "parentOther"]) expect((await call(who, "GET", `?studentId=${s1.id}`)).status, who).toBe(404);
  });

  it("lists newest day first between two local dates (inclusive), a page at a time", async () => {
    const studio = await ownerWithStudio();
    const student = await addStudent(studio);
    const post = (practisedOn: string) =>
      api("POST", `/v1/studios/${studio.studio.id}/practice-logs`, { token: studio.accessToken, body: { studentId: student.id, practisedOn, minutes: 10 } });
    for (const day of ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-01", "2026-03-02", "2026-03-10"]) expect((await post(day)).status).toBe(201);
    const base = `/v1/studios/${studio.studio.id}/practice-logs?studentId=${student.id}`;
    const days = (res: { body: { items: { practisedOn: string }[] } }) => res.body.items.map((l) => l.practisedOn);
    const ranged = await api("GET", `${base}&from=2026-02-28&to=2026-03-02`, { token: studio.accessToken });
    expect(days(ranged)).toEqual(["2026-03-02", "2026-03-01", "2026-03-01", "2026-02-28"]);
    expect(dbCost(ranged.headers).calls).toBe(2);
    expect(days(await api("GET", `${base}&from=2026-03-02`, { token: studio.accessToken }))).toEqual(["2026-03-10", "2026-03-02"]);
    expect(days(await api("GET", `${base}&to=2026-02-28`, { token: studio.accessToken }))).toEqual(["2026-02-28", "2026-02-27"]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: ApiResponse = await api("GET", `${base}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { token: studio.accessToken });
      expect(res.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...days(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["2026-03-10", "2026-03-02", "2026-03-01", "2026-03-01", "2026-02-28", "2026-02-27"]);
  });

  it("needs a studentId and real dates in order", async () => {
    expect(paths(await call("owner", "GET", ""))).toEqual(["studentId"]);
    expect(paths(await call("owner", "GET", `?studentId=${s1.id}&from=2026-02-30`))).toEqual(["from"]);
    expect(paths(await call("owner", "GET", `?studentId=${s1.id}&from=2026-03-02&to=2026-03-01`))).toEqual(["to"]);
  });
});

describe("DELETE /v1/studios/{studioId}/practice-logs/{logId}", () => {
  it("lets the student, their parent or an admin delete a log; it leaves the list, audited", async () => {
    const entry = await log("studentSelf", { practisedOn: "2026-04-04" });
    expect((await call("teacherOwn", "DELETE", `/${entry.id}`)).status).toBe(403);
    for (const who of ["teacherOther", "studentOther", "parentOther"]) expect((await call(who, "DELETE", `/${entry.id}`)).status, who).toBe(404);
    expect((await call("parentOwn", "DELETE", `/${entry.id}`)).status).toBe(204);
    expect((await call("studentSelf", "DELETE", `/${entry.id}`)).status).toBe(404);
    const list = await call("teacherOwn", "GET", `?studentId=${s1.id}&from=2026-04-04&to=2026-04-04`);
    expect(list.body.items).toEqual([]);
    expect(await auditActions(owner.studio.id, "practiceLog", entry.id)).toEqual(["practiceLog.created", "practiceLog.deleted"]);
    const own = await log("studentSelf");
    expect((await call("studentSelf", "DELETE", `/${own.id}`)).status).toBe(204);
    const byAdmin = await log("parentOwn");
    expect((await call("admin", "DELETE", `/${byAdmin.id}`)).status).toBe(204);
    expect((await call("owner", "DELETE", "/no-such-log")).status).toBe(404);
  });
});
