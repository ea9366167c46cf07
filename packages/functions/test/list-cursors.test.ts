import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio, type ApiResponse } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { memberWithRole, type Member } from "./support/members";
import { addStudent, addTeacher, seedFamily } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
type Note = { id: string; summary: string };

let owner: Owner;
let intruder: Owner;
let parent: Member;
let lessonId: string;
const notes: Note[] = [];

const notesUrl = (studioId = owner.studio.id) => `/v1/studios/${studioId}/lessons/${lessonId}/notes`;
const withCursor = (url: string, limit: number, cursor?: string | null) => `${url}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;

/** Every page of a list, following nextCursor: the items in order, and each cursor handed out. */
async function allPages(url: string, token: string, limit: number) {
  const items: Note[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const res: ApiResponse = await api("GET", withCursor(url, limit, cursor), { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return { items, cursors };
    cursors.push(cursor);
  }
  throw new Error("the list never ended");
}

const expectCursorRefused = (res: { status: number; body: any }) => {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.errors).toEqual([{ path: "cursor", message: "is not a cursor from this list" }]);
};

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
  const teacher = await addTeacher(owner);
  const familyId = await seedFamily(owner.studio.id);
  const student = await addStudent(owner, { primaryTeacherId: teacher.id, familyId });
  await addStudent(owner, { primaryTeacherId: teacher.id });
  parent = await memberWithRole(owner, "parent", { familyId, guardianId: "g1" });
  const lesson = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(5, 15) });
  expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
  lessonId = lesson.body.id;
  // Visible to the parent: V1, V2, V3; private notes between them and after the last.
  for (const [summary, visibleToParent] of [
    ["V1", true],
    ["P1", false],
    ["P2", false],
    ["V2", true],
    ["P3", false],
    ["V3", true],
    ["P4", false],
  ] as const) {
    const res = await api("POST", notesUrl(), { token: owner.accessToken, body: { summary, visibleToParent } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    notes.push(res.body);
  }
});

describe("issue 10 #11: list cursors are sealed, bound to their list and studio, and built from the last item returned", () => {
  it("pages a parent through exactly the notes they may see, each once, with cursors that reveal nothing", async () => {
    for (const limit of [1, 2, 3]) {
      const { items, cursors } = await allPages(notesUrl(), parent.accessToken, limit);
      expect(
        items.map((n) => n.summary),
        `limit ${limit}`,
      ).toEqual(["V1", "V2", "V3"]);
      for (const cursor of cursors) {
        const decoded = Buffer.from(cursor, "base64url").toString("latin1");
        for (const note of notes) expect(decoded).not.toContain(note.id);
        expect(decoded).not.toMatch(/lessonnote|noteid|studioid|"pk"/i);
        expect(cursor).not.toContain(owner.studio.id);
      }
    }
    // The owner sees every note, each once, whatever the page size.
    for (const limit of [1, 3]) {
      const { items } = await allPages(notesUrl(), owner.accessToken, limit);
      expect(items.map((n) => n.summary)).toEqual(["V1", "P1", "P2", "V2", "P3", "V3", "P4"]);
    }
  });

  it("refuses (422, naming cursor) a tampered cursor, an unsealed one, another studio's and another list's", async () => {
    const first = await api("GET", withCursor(notesUrl(), 2), { token: owner.accessToken });
    const cursor = first.body.nextCursor as string;
    expect(cursor).toBeTruthy();
    expect((await api("GET", withCursor(notesUrl(), 2, cursor), { token: owner.accessToken })).status).toBe(200);

    const middle = Math.floor(cursor.length / 2);
    const tampered = cursor.slice(0, middle) + (cursor[middle] === "A" ? "B" : "A") + cursor.slice(middle + 1);
    expectCursorRefused(await api("GET", withCursor(notesUrl(), 2, tampered), { token: owner.accessToken }));
    expectCursorRefused(await api("GET", withCursor(notesUrl(), 2, "not a cursor!"), { token: owner.accessToken }));
    // A raw key, as cursors used to be.
    const raw = Buffer.from(JSON.stringify({ pk: "x", sk: "y" })).toString("base64url");
    expectCursorRefused(await api("GET", withCursor(notesUrl(), 2, raw), { token: owner.accessToken }));

    // Another list in the same studio.
    expectCursorRefused(await api("GET", withCursor(`/v1/studios/${owner.studio.id}/students`, 2, cursor), { token: owner.accessToken }));
    // The same list with other filters: a students cursor used with ?active=false.
    const students = await api("GET", withCursor(`/v1/studios/${owner.studio.id}/students`, 1), { token: owner.accessToken });
    const studentsCursor = students.body.nextCursor as string;
    expect(studentsCursor).toBeTruthy();
    expect((await api("GET", withCursor(`/v1/studios/${owner.studio.id}/students`, 1, studentsCursor), { token: owner.accessToken })).status).toBe(200);
    expectCursorRefused(
      await api("GET", `${withCursor(`/v1/studios/${owner.studio.id}/students`, 1, studentsCursor)}&active=false`, { token: owner.accessToken }),
    );
    // Another studio: its owner uses A's students cursor on their own students list.
    expectCursorRefused(await api("GET", withCursor(`/v1/studios/${intruder.studio.id}/students`, 1, studentsCursor), { token: intruder.accessToken }));
  });
});
