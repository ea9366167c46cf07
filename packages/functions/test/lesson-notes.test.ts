import { scheduleDb } from "@studiosync/core/scheduling";
import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { memberWithRole, type Member } from "./support/members";
import { addStudent, addTeacher, auditActions, paths, seedFamily } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
type Note = { id: string; summary: string } & Record<string, unknown>;

let owner: Owner;
let teacherA: { id: string };
let teacherB: { id: string };
let s1: { id: string };
let lessonId: string;
const as: Record<string, Member> = {};
const notesUrl = (lesson: string, rest = "") => `/v1/studios/${owner.studio.id}/lessons/${lesson}/notes${rest}`;
const call = (who: string, method: string, rest = "", body?: unknown, lesson = lessonId) =>
  api(method, notesUrl(lesson, rest), { token: who === "owner" ? owner.accessToken : as[who]!.accessToken, body });
const write = async (body: Record<string, unknown>, who = "teacherOwn", lesson = lessonId) => {
  const res = await call(who, "POST", "", body, lesson);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Note;
};
const summaries = (res: { body: { items: Note[] } }) => res.body.items.map((n) => n.summary);

async function newLesson(days: number) {
  const res = await bookLesson(owner, { teacherId: teacherA.id, studentId: s1.id, scheduledStart: futureAt(days, 15) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  owner = await ownerWithStudio();
  [teacherA, teacherB] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
  const [familyF, familyF2] = await Promise.all([seedFamily(owner.studio.id), seedFamily(owner.studio.id)]);
  const [student1, student2] = await Promise.all([
    addStudent(owner, { primaryTeacherId: teacherA.id, familyId: familyF }),
    addStudent(owner, { primaryTeacherId: teacherB.id, familyId: familyF2 }),
  ]);
  s1 = student1;
  lessonId = await newLesson(3);
  const [admin, teacherOwn, teacherOther, studentSelf, studentOther, parentOwn, parentOther] = await Promise.all([
    memberWithRole(owner, "admin"),
    memberWithRole(owner, "teacher", { teacherId: teacherA.id }),
    memberWithRole(owner, "teacher", { teacherId: teacherB.id }),
    memberWithRole(owner, "student", { studentId: student1.id }),
    memberWithRole(owner, "student", { studentId: student2.id }),
    memberWithRole(owner, "parent", { familyId: familyF, guardianId: "g1" }),
    memberWithRole(owner, "parent", { familyId: familyF2, guardianId: "g2" }),
  ]);
  Object.assign(as, { admin, teacherOwn, teacherOther, studentSelf, studentOther, parentOwn, parentOther });
});

describe("who sees which note", () => {
  let lesson: string;
  beforeAll(async () => {
    lesson = await newLesson(4);
    await write({ summary: "Private", visibleToStudent: false, visibleToParent: false }, "teacherOwn", lesson);
    await write({ summary: "Student only", visibleToStudent: true }, "teacherOwn", lesson);
    await write({ summary: "Parent only", visibleToParent: true }, "owner", lesson);
    await write({ summary: "Both", visibleToStudent: true, visibleToParent: true }, "admin", lesson);
  });

  it("admins and the lesson's teacher see every note", async () => {
    for (const who of ["owner", "admin", "teacherOwn"]) {
      const list = await call(who, "GET", "", undefined, lesson);
      expect(list.status, who).toBe(200);
      expect(summaries(list), who).toEqual(["Private", "Student only", "Parent only", "Both"]);
    }
  });

  it("the lesson's student sees only the notes visible to the student, their parent only those visible to the parent", async () => {
    const student = await call("studentSelf", "GET", "", undefined, lesson);
    expect(summaries(student)).toEqual(["Student only", "Both"]);
    expect(dbCost(student.headers).calls).toBe(2);
    const parent = await call("parentOwn", "GET", "", undefined, lesson);
    expect(summaries(parent)).toEqual(["Parent only", "Both"]);
  });

  it("nobody else learns the lesson exists (404)", async () => {
    for (const who of ["teacherOther", "studentOther", "parentOther"]) expect((await call(who, "GET", "", undefined, lesson)).status, who).toBe(404);
    expect((await call("owner", "GET", "", undefined, "no-such-lesson")).status).toBe(404);
  });

  it("a substitute writes notes; the teacher it was booked with still reads and writes them", async () => {
    const substituted = await newLesson(5);
    await write({ summary: "Before the swap" }, "teacherOwn", substituted);
    // Test-only: what a substitution leaves on the lesson (the lessons API does it for real).
    await scheduleDb()
      .entities.lesson.patch({ studioId: owner.studio.id, lessonId: substituted })
      .set({ teacherId: teacherB.id, originalTeacherId: teacherA.id })
      .go();
    const bySubstitute = await call("teacherOther", "POST", "", { summary: "From the substitute" }, substituted);
    expect(bySubstitute.status, JSON.stringify(bySubstitute.body)).toBe(201);
    expect(bySubstitute.body.teacherId).toBe(teacherB.id);
    expect(summaries(await call("teacherOwn", "GET", "", undefined, substituted))).toEqual(["Before the swap", "From the substitute"]);
    expect((await call("teacherOwn", "POST", "", { summary: "Mine" }, substituted)).status).toBe(201);
    expect((await call("teacherOwn", "PATCH", `/${bySubstitute.body.id}`, { summary: "x" }, substituted)).status).toBe(200);
  });

  it("pages through a lesson's notes", async () => {
    const paged = await newLesson(6);
    for (const summary of ["n1", "n2", "n3"]) await write({ summary, visibleToStudent: true }, "teacherOwn", paged);
    const first = await call("studentSelf", "GET", "?limit=2", undefined, paged);
    expect(summaries(first)).toEqual(["n1", "n2"]);
    const second = await call("studentSelf", "GET", `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, undefined, paged);
    expect(summaries(second)).toEqual(["n3"]);
    expect(paths(await call("owner", "GET", "?limit=500", undefined, paged))).toEqual(["limit"]);
  });
});

describe("POST /v1/studios/{studioId}/lessons/{lessonId}/notes", () => {
  it("writes a note from the lesson's teacher, hidden from students and parents by default, audited", async () => {
    const res = await call("teacherOwn", "POST", "", {
      summary: "Worked on phrasing",
      topicsCovered: ["phrasing", "dynamics"],
      assignments: ["Minuet bars 1-8"],
      strengths: ["steady pulse"],
      challenges: ["left hand"],
      homework: "15 minutes a day",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      lessonId,
      teacherId: teacherA.id,
      summary: "Worked on phrasing",
      topicsCovered: ["phrasing", "dynamics"],
      assignments: ["Minuet bars 1-8"],
      strengths: ["steady pulse"],
      challenges: ["left hand"],
      homework: "15 minutes a day",
      visibleToStudent: false,
      visibleToParent: false,
    });
    expect(await auditActions(owner.studio.id, "lessonNote", res.body.id)).toEqual(["lessonNote.created"]);
    const byAdmin = await write({ summary: "Admin note" }, "owner");
    expect(byAdmin).toMatchObject({ teacherId: teacherA.id, topicsCovered: [], homework: null });
  });

  it("names each invalid field", async () => {
    const res = await call("teacherOwn", "POST", "", {
      topicsCovered: "scales",
      strengths: [""],
      visibleToStudent: "yes",
      homework: "x".repeat(4001),
      mood: "good",
    });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["homework", "mood", "strengths.0", "summary", "topicsCovered", "visibleToStudent"]);
  });

  it("is for admins and the lesson's teacher: its student and parent 403, others 404", async () => {
    const body = { summary: "Not allowed" };
    expect((await call("studentSelf", "POST", "", body)).status).toBe(403);
    expect((await call("parentOwn", "POST", "", body)).status).toBe(403);
    for (const who of ["teacherOther", "studentOther", "parentOther"]) expect((await call(who, "POST", "", body)).status, who).toBe(404);
  });
});

describe("changing and deleting notes", () => {
  it("lets the lesson's teacher change a note and who sees it; null clears homework", async () => {
    const note = await write({ summary: "Draft", homework: "Scales", visibleToParent: true });
    expect((await call("studentSelf", "PATCH", `/${note.id}`, { summary: "x" })).status).toBe(404);
    expect((await call("parentOwn", "PATCH", `/${note.id}`, { summary: "x" })).status).toBe(403);
    expect((await call("teacherOther", "PATCH", `/${note.id}`, { summary: "x" })).status).toBe(404);
    const res = await call("teacherOwn", "PATCH", `/${note.id}`, {
      summary: "Final",
      homework: null,
      visibleToStudent: true,
      visibleToParent: false,
      challenges: ["tempo"],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ summary: "Final", homework: null, visibleToStudent: true, visibleToParent: false, challenges: ["tempo"] });
    expect(summaries(await call("studentSelf", "GET", "?limit=100"))).toContain("Final");
    expect(summaries(await call("parentOwn", "GET", "?limit=100"))).not.toContain("Final");
    expect((await call("parentOwn", "PATCH", `/${note.id}`, { summary: "x" })).status).toBe(404);
    expect((await call("studentSelf", "PATCH", `/${note.id}`, { summary: "x" })).status).toBe(403);
    expect(paths(await call("owner", "PATCH", `/${note.id}`, { summary: "", lessonId: "other" }))).toEqual(["lessonId", "summary"]);
    expect(await auditActions(owner.studio.id, "lessonNote", note.id)).toEqual(["lessonNote.created", "lessonNote.updated"]);
  });

  it("finds a note only under its own lesson", async () => {
    const note = await write({ summary: "Mine" });
    const other = await newLesson(8);
    expect((await call("owner", "PATCH", `/${note.id}`, { summary: "moved?" }, other)).status).toBe(404);
    expect((await call("owner", "DELETE", `/${note.id}`, undefined, other)).status).toBe(404);
    expect((await call("owner", "PATCH", "/no-such-note", { summary: "x" })).status).toBe(404);
  });

  it("deletes a note (admins, the lesson's teacher); the audit keeps what it said", async () => {
    const note = await write({ summary: "Remove me", visibleToStudent: true, visibleToParent: true });
    expect((await call("studentSelf", "DELETE", `/${note.id}`)).status).toBe(403);
    expect((await call("parentOwn", "DELETE", `/${note.id}`)).status).toBe(403);
    expect((await call("teacherOther", "DELETE", `/${note.id}`)).status).toBe(404);
    expect((await call("teacherOwn", "DELETE", `/${note.id}`)).status).toBe(204);
    expect(summaries(await call("owner", "GET", "?limit=100"))).not.toContain("Remove me");
    expect((await call("owner", "DELETE", `/${note.id}`)).status).toBe(404);
    expect(await auditActions(owner.studio.id, "lessonNote", note.id)).toEqual(["lessonNote.created", "lessonNote.deleted"]);
    const byAdmin = await write({ summary: "Admin removes" });
    expect((await call("admin", "DELETE", `/${byAdmin.id}`)).status).toBe(204);
  });
});
