import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { memberWithRole, type Member } from "./support/members";
import { addStudent, addTeacher, auditActions, paths, seedFamily } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;
let teacherA: { id: string };
let s1: { id: string };
let s2: { id: string };
const as: Record<string, Member> = {};
const url = (rest = "") => `/v1/studios/${owner.studio.id}/goals${rest}`;
const call = (who: string, method: string, rest: string, body?: unknown) =>
  api(method, url(rest), { token: who === "owner" ? owner.accessToken : as[who]!.accessToken, body });
const newGoal = async (body: Record<string, unknown> = {}, who = "owner") => {
  const res = await call(who, "POST", "", { studentId: s1.id, title: "Play C major scale", ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string } & Record<string, unknown>;
};

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
  const [a, b] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
  teacherA = a;
  const [familyF, familyF2] = await Promise.all([seedFamily(owner.studio.id), seedFamily(owner.studio.id)]);
  [s1, s2] = await Promise.all([
    addStudent(owner, { primaryTeacherId: a.id, familyId: familyF }),
    addStudent(owner, { primaryTeacherId: b.id, familyId: familyF2 }),
  ]);
  const [admin, teacherOwn, teacherOther, studentSelf, studentOther, parentOwn, parentOther] = await Promise.all([
    memberWithRole(owner, "admin"),
    memberWithRole(owner, "teacher", { teacherId: a.id }),
    memberWithRole(owner, "teacher", { teacherId: b.id }),
    memberWithRole(owner, "student", { studentId: s1.id }),
    memberWithRole(owner, "student", { studentId: s2.id }),
    memberWithRole(owner, "parent", { familyId: familyF, guardianId: "g1" }),
    memberWithRole(owner, "parent", { familyId: familyF2, guardianId: "g2" }),
  ]);
  Object.assign(as, { admin, teacherOwn, teacherOther, studentSelf, studentOther, parentOwn, parentOther });
});

describe("POST /v1/studios/{studioId}/goals", () => {
  it("sets a goal for a student, active at 0 %, under the student's teacher, audited", async () => {
    const res = await call("owner", "POST", "", { studentId: s1.id, title: " Learn Für Elise ", description: "First page", targetDate: "2027-06-30" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      studentId: s1.id,
      teacherId: teacherA.id,
      title: "Learn Für Elise",
      description: "First page",
      targetDate: "2027-06-30",
      status: "active",
      progressPercentage: 0,
      achievedAt: null,
    });
    expect(await auditActions(owner.studio.id, "goal", res.body.id)).toEqual(["goal.created"]);
  });

  it("lets the student's teacher set one; an achieved goal is at 100 % with the time it was achieved", async () => {
    const res = await call("teacherOwn", "POST", "", { studentId: s1.id, title: "Sight-read grade 2", status: "achieved" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ teacherId: teacherA.id, status: "achieved", progressPercentage: 100 });
    expect(Date.parse(res.body.achievedAt)).toBeGreaterThan(Date.now() - 60_000);
    const lower = await call("teacherOwn", "POST", "", { studentId: s1.id, title: "x", status: "achieved", progressPercentage: 40 });
    expect(lower.status).toBe(422);
    expect(paths(lower)).toEqual(["progressPercentage"]);
  });

  it("names each invalid field", async () => {
    const res = await call("owner", "POST", "", { title: "", status: "done", progressPercentage: 120, targetDate: "2027-02-30", colour: "red" });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["colour", "progressPercentage", "status", "studentId", "targetDate", "title"]);
    const fraction = await call("owner", "POST", "", { studentId: s1.id, title: "x", progressPercentage: 12.5 });
    expect(paths(fraction)).toEqual(["progressPercentage"]);
  });

  it("is for admins and the student's teacher: the student and their parent 403, everyone else 404", async () => {
    const body = { studentId: s1.id, title: "Not mine to set" };
    expect((await call("admin", "POST", "", body)).status).toBe(201);
    expect((await call("studentSelf", "POST", "", body)).status).toBe(403);
    expect((await call("parentOwn", "POST", "", body)).status).toBe(403);
    for (const who of ["teacherOther", "studentOther", "parentOther"]) expect((await call(who, "POST", "", body)).status, who).toBe(404);
    expect((await call("owner", "POST", "", { ...body, studentId: "no-such-student" })).status).toBe(404);
  });
});

describe("reading goals", () => {
  let goalId: string;
  beforeAll(async () => {
    goalId = (await newGoal({ title: "Read goal" })).id;
  });

  it("shows a student's goals to whoever may see the student, and to nobody else", async () => {
    for (const who of ["owner", "admin", "teacherOwn", "studentSelf", "parentOwn"]) {
      const list = await call(who, "GET", `?studentId=${s1.id}&limit=100`);
      expect(list.status, who).toBe(200);
      expect(
        list.body.items.map((g: { id: string }) => g.id),
        who,
      ).toContain(goalId);
      const one = await call(who, "GET", `/${goalId}`);
      expect(one.status, who).toBe(200);
      expect(one.body.title).toBe("Read goal");
    }
    for (const who of ["teacherOther", "studentOther", "parentOther"]) {
      expect((await call(who, "GET", `?studentId=${s1.id}`)).status, who).toBe(404);
      expect((await call(who, "GET", `/${goalId}`)).status, who).toBe(404);
    }
  });

  it("lists one student's goals, oldest first, a page at a time, filtered by status", async () => {
    const studio = await ownerWithStudio();
    const student = await addStudent(studio);
    const post = (title: string, extra = {}) =>
      api("POST", `/v1/studios/${studio.studio.id}/goals`, { token: studio.accessToken, body: { studentId: student.id, title, ...extra } });
    for (const title of ["One", "Two", "Three"]) expect((await post(title)).status).toBe(201);
    expect((await post("Done", { status: "achieved" })).status).toBe(201);
    const base = `/v1/studios/${studio.studio.id}/goals?studentId=${student.id}`;
    const first = await api("GET", `${base}&limit=2`, { token: studio.accessToken });
    expect(first.body.items.map((g: { title: string }) => g.title)).toEqual(["One", "Two"]);
    expect(dbCost(first.headers).calls).toBe(2);
    const second = await api("GET", `${base}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: studio.accessToken });
    expect(second.body.items.map((g: { title: string }) => g.title)).toEqual(["Three", "Done"]);
    const achieved = await api("GET", `${base}&status=achieved`, { token: studio.accessToken });
    expect(achieved.body.items.map((g: { title: string }) => g.title)).toEqual(["Done"]);
    const other = await api("GET", `/v1/studios/${studio.studio.id}/goals?studentId=${s1.id}`, { token: studio.accessToken });
    expect(other.status).toBe(404);
  });

  it("needs a studentId; a bad cursor or status is a 422; another studio's goal is 404", async () => {
    expect(paths(await call("owner", "GET", ""))).toEqual(["studentId"]);
    expect(paths(await call("owner", "GET", `?studentId=${s1.id}&status=won`))).toEqual(["status"]);
    expect(paths(await call("owner", "GET", `?studentId=${s1.id}&cursor=garbage`))).toEqual(["cursor"]);
    expect((await api("GET", `/v1/studios/${intruder.studio.id}/goals/${goalId}`, { token: intruder.accessToken })).status).toBe(404);
  });
});

describe("PATCH /v1/studios/{studioId}/goals/{goalId}", () => {
  it("tracks progress: achieving sets 100 and achievedAt, reopening clears achievedAt; null clears", async () => {
    const goal = await newGoal({ description: "Hands together", targetDate: "2027-01-31" });
    const progress = await call("teacherOwn", "PATCH", `/${goal.id}`, { progressPercentage: 60, description: null });
    expect(progress.status, JSON.stringify(progress.body)).toBe(200);
    expect(progress.body).toMatchObject({ progressPercentage: 60, status: "active", description: null, targetDate: "2027-01-31" });

    const achieved = await call("teacherOwn", "PATCH", `/${goal.id}`, { status: "achieved" });
    expect(achieved.body).toMatchObject({ status: "achieved", progressPercentage: 100 });
    expect(achieved.body.achievedAt).toEqual(expect.any(String));
    const again = await call("owner", "PATCH", `/${goal.id}`, { title: "Renamed" });
    expect(again.body.achievedAt).toBe(achieved.body.achievedAt);
    expect(paths(await call("owner", "PATCH", `/${goal.id}`, { progressPercentage: 90 }))).toEqual(["progressPercentage"]);

    const reopened = await call("owner", "PATCH", `/${goal.id}`, { status: "active", progressPercentage: 80 });
    expect(reopened.body).toMatchObject({ status: "active", progressPercentage: 80, achievedAt: null });
    const abandoned = await call("owner", "PATCH", `/${goal.id}`, { status: "abandoned" });
    expect(abandoned.body).toMatchObject({ status: "abandoned", progressPercentage: 80 });
    expect((await call("parentOwn", "GET", `/${goal.id}`)).body).toMatchObject({ status: "abandoned", title: "Renamed", description: null });
    expect(await auditActions(owner.studio.id, "goal", goal.id)).toEqual([
      "goal.created",
      "goal.updated",
      "goal.updated",
      "goal.updated",
      "goal.updated",
      "goal.updated",
    ]);
  });

  it("names bad fields, and refuses the student and parent (403) and others (404)", async () => {
    const goal = await newGoal();
    const bad = await call("owner", "PATCH", `/${goal.id}`, { progressPercentage: -1, status: "maybe", studentId: s2.id });
    expect(paths(bad)).toEqual(["progressPercentage", "status", "studentId"]);
    expect((await call("studentSelf", "PATCH", `/${goal.id}`, { progressPercentage: 100 })).status).toBe(403);
    expect((await call("parentOwn", "PATCH", `/${goal.id}`, { progressPercentage: 100 })).status).toBe(403);
    expect((await call("teacherOther", "PATCH", `/${goal.id}`, { progressPercentage: 100 })).status).toBe(404);
    expect((await call("owner", "GET", `/${goal.id}`)).body.progressPercentage).toBe(0);
  });
});

describe("DELETE /v1/studios/{studioId}/goals/{goalId}", () => {
  it("soft-deletes: the goal leaves the list and answers 404, audited", async () => {
    const goal = await newGoal({ title: "To be dropped" });
    expect((await call("studentSelf", "DELETE", `/${goal.id}`)).status).toBe(403);
    expect((await call("parentOwn", "DELETE", `/${goal.id}`)).status).toBe(403);
    expect((await call("teacherOther", "DELETE", `/${goal.id}`)).status).toBe(404);
    expect((await call("teacherOwn", "DELETE", `/${goal.id}`)).status).toBe(204);
    expect((await call("owner", "GET", `/${goal.id}`)).status).toBe(404);
    expect((await call("owner", "DELETE", `/${goal.id}`)).status).toBe(404);
    expect((await call("owner", "PATCH", `/${goal.id}`, { title: "Back?" })).status).toBe(404);
    const list = await call("owner", "GET", `?studentId=${s1.id}&limit=100`);
    expect(list.body.items.map((g: { id: string }) => g.id)).not.toContain(goal.id);
    expect(await auditActions(owner.studio.id, "goal", goal.id)).toEqual(["goal.created", "goal.deleted"]);
  });
});
