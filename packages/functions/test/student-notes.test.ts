import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { booked, futureAt, pastAt } from "./support/lessons";
import { memberWithRole, type Member } from "./support/members";
import { addStudent, addTeacher, seedFamily } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
type Page = { items: { lesson: { id: string }; notes: { summary: string }[] }[]; nextCursor: string | null };

let owner: Owner;
let studentId: string;
const lessons: Record<string, string> = {};
const as: Record<string, Member> = {};

const notesOf = (token: string, query = "") => api<Page>("GET", `/v1/studios/${owner.studio.id}/notes?studentId=${studentId}${query}`, { token });
const summaries = (page: Page) => page.items.map((i) => [i.lesson.id, i.notes.map((n) => n.summary)]);
const write = async (lessonId: string, body: Record<string, unknown>) => {
  const res = await api("POST", `/v1/studios/${owner.studio.id}/lessons/${lessonId}/notes`, { token: owner.accessToken, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};

beforeAll(async () => {
  owner = await ownerWithStudio();
  const [teacherA, teacherB] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
  const familyId = await seedFamily(owner.studio.id);
  studentId = (await addStudent(owner, { primaryTeacherId: teacherA.id, familyId })).id;
  lessons.older = (await booked(owner, { teacherId: teacherA.id, studentId, scheduledStart: pastAt(9, 15) })).id;
  lessons.recent = (await booked(owner, { teacherId: teacherA.id, studentId, scheduledStart: pastAt(2, 15) })).id;
  lessons.byB = (await booked(owner, { teacherId: teacherB.id, studentId, scheduledStart: pastAt(5, 15) })).id;
  lessons.unnoted = (await booked(owner, { teacherId: teacherA.id, studentId, scheduledStart: pastAt(3, 15) })).id;
  lessons.future = (await booked(owner, { teacherId: teacherA.id, studentId, scheduledStart: futureAt(3, 15) })).id;
  await write(lessons.older, { summary: "Scales", visibleToParent: true });
  await write(lessons.recent, { summary: "Private to staff" });
  await write(lessons.recent, { summary: "For the student", visibleToStudent: true });
  await write(lessons.byB, { summary: "Cover lesson", visibleToParent: true });
  await write(lessons.future, { summary: "Plan ahead" });
  Object.assign(as, {
    teacherA: await memberWithRole(owner, "teacher", { teacherId: teacherA.id }),
    student: await memberWithRole(owner, "student", { studentId }),
    parent: await memberWithRole(owner, "parent", { familyId, guardianId: "g1" }),
    otherStudent: await memberWithRole(owner, "student", { studentId: (await addStudent(owner)).id }),
  });
});

describe("GET /studios/{id}/notes?studentId=", () => {
  it("gives admins every note of the student's past lessons, newest lesson first, leaving out lessons without notes", async () => {
    const res = await notesOf(owner.accessToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(summaries(res.body)).toEqual([
      [lessons.recent, ["Private to staff", "For the student"]],
      [lessons.byB, ["Cover lesson"]],
      [lessons.older, ["Scales"]],
    ]);
    // The membership with the student, the calendar, and one query per lesson read.
    expect(dbCost(res.headers).calls).toBeLessThanOrEqual(2 + 4);
  });

  it("gives a teacher the notes of the lessons they teach, the student and parents only those shown to them", async () => {
    expect(summaries((await notesOf(as.teacherA!.accessToken)).body)).toEqual([
      [lessons.recent, ["Private to staff", "For the student"]],
      [lessons.older, ["Scales"]],
    ]);
    expect(summaries((await notesOf(as.student!.accessToken)).body)).toEqual([[lessons.recent, ["For the student"]]]);
    expect(summaries((await notesOf(as.parent!.accessToken)).body)).toEqual([
      [lessons.byB, ["Cover lesson"]],
      [lessons.older, ["Scales"]],
    ]);
  });

  it("pages by lessons", async () => {
    const first = await notesOf(owner.accessToken, "&limit=2");
    expect(summaries(first.body)).toEqual([[lessons.recent, ["Private to staff", "For the student"]]]);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await notesOf(owner.accessToken, `&limit=2&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
    expect(summaries(second.body)).toEqual([
      [lessons.byB, ["Cover lesson"]],
      [lessons.older, ["Scales"]],
    ]);
    expect((await notesOf(owner.accessToken, "&limit=26")).status).toBe(422);
  });

  it("hides the student from anyone who may not see them", async () => {
    expect((await notesOf(as.otherStudent!.accessToken)).status).toBe(404);
  });
});
