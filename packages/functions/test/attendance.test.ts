import { scheduleDb } from "@studiosync/core/scheduling";
import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { booked, futureAt, pastAt, patchLesson } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, auditActions } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

describe("attendance", () => {
  let owner: Owner;
  let teacherId: string;
  let one: string;
  let two: string;
  let familyId: string;
  let tokens: Record<"teacher" | "otherTeacher" | "studentOne" | "studentTwo" | "parent" | "otherParent", string>;
  const put = (lessonId: string, entries: unknown[], token = owner.accessToken) =>
    api("PUT", `/v1/studios/${owner.studio.id}/lessons/${lessonId}/attendance`, { token, body: { entries } });
  const get = (lessonId: string, token = owner.accessToken) => api("GET", `/v1/studios/${owner.studio.id}/lessons/${lessonId}/attendance`, { token });
  const history = (params: Record<string, string | number>, token = owner.accessToken) =>
    api("GET", `/v1/studios/${owner.studio.id}/attendance?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`, {
      token,
    });

  beforeAll(async () => {
    owner = await ownerWithStudio();
    const [teacher, otherTeacher] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
    teacherId = teacher.id;
    const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "The Silvas" } });
    familyId = family.body.id;
    one = (await addStudent(owner, { primaryTeacherId: teacherId, familyId })).id;
    two = (await addStudent(owner, { primaryTeacherId: teacherId })).id;
    const members = await Promise.all([
      memberWithRole(owner, "teacher", { teacherId }),
      memberWithRole(owner, "teacher", { teacherId: otherTeacher.id }),
      memberWithRole(owner, "student", { studentId: one }),
      memberWithRole(owner, "student", { studentId: two }),
      memberWithRole(owner, "parent", { familyId }),
      memberWithRole(owner, "parent", {
        familyId: (await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "Others" } })).body.id,
      }),
    ]);
    tokens = {
      teacher: members[0].accessToken,
      otherTeacher: members[1].accessToken,
      studentOne: members[2].accessToken,
      studentTwo: members[3].accessToken,
      parent: members[4].accessToken,
      otherParent: members[5].accessToken,
    };
  });

  it("takes attendance for a band lesson and shows each reader what is theirs", async () => {
    const band = await api("POST", `/v1/studios/${owner.studio.id}/bands`, { token: owner.accessToken, body: { name: "Duo" } });
    for (const id of [one, two]) await api("PUT", `/v1/studios/${owner.studio.id}/bands/${band.body.id}/members/${id}`, { token: owner.accessToken });
    const lesson = await booked(owner, { teacherId, bandId: band.body.id, type: "group", scheduledStart: pastAt(1, 15) });

    const res = await put(
      lesson.id,
      [
        { studentId: one, status: "late", minutesLate: 10, note: "Bus was late" },
        { studentId: two, status: "present" },
      ],
      tokens.teacher,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const entries = Object.fromEntries(res.body.entries.map((e: { studentId: string }) => [e.studentId, e]));
    expect(entries[one]).toMatchObject({ status: "late", minutesLate: 10, note: "Bus was late", markedBy: expect.any(String), markedAt: expect.any(String) });
    expect(entries[two]).toMatchObject({ status: "present", minutesLate: null, note: null });

    expect((await get(lesson.id)).body.entries).toHaveLength(2);
    expect((await get(lesson.id, tokens.teacher)).body.entries).toHaveLength(2);
    expect((await get(lesson.id, tokens.studentOne)).body.entries).toEqual([expect.objectContaining({ studentId: one, status: "late" })]);
    expect((await get(lesson.id, tokens.parent)).body.entries).toEqual([expect.objectContaining({ studentId: one })]);
    expect((await get(lesson.id, tokens.otherParent)).status).toBe(404);
    expect((await get(lesson.id, tokens.otherTeacher)).status).toBe(404);

    // A second marking replaces a student's entry (the note and minutes go) and leaves the others.
    const again = await put(lesson.id, [{ studentId: one, status: "present" }]);
    const after = Object.fromEntries(again.body.entries.map((e: { studentId: string }) => [e.studentId, e]));
    expect(after[one]).toMatchObject({ status: "present", minutesLate: null, note: null });
    expect(after[two]).toMatchObject({ status: "present" });
    expect(await auditActions(owner.studio.id, "lesson", lesson.id)).toEqual(["lesson.created", "lesson.attendance_marked", "lesson.attendance_marked"]);
  });

  it("refuses students not in the lesson, present for a lesson not yet begun, and cancelled lessons", async () => {
    const future = await booked(owner, { teacherId, studentId: one, scheduledStart: futureAt(4, 10) });
    const early = await put(future.id, [{ studentId: one, status: "present" }]);
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ path: "entries.0.status" })]);
    expect((await put(future.id, [{ studentId: one, status: "excused", note: "Holiday" }])).status).toBe(200);
    // Attendance survives a move of the lesson.
    const moved = await patchLesson(owner, future.id, { scheduledStart: futureAt(5, 10) });
    expect(moved.status).toBe(200);
    expect((await get(future.id)).body.entries[0]).toMatchObject({ status: "excused", note: "Holiday" });

    const past = await booked(owner, { teacherId, studentId: one, scheduledStart: pastAt(2, 10) });
    const stranger = await put(past.id, [{ studentId: two, status: "absent" }]);
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors[0]).toMatchObject({ path: "entries.0.studentId" });
    const twice = await put(past.id, [
      { studentId: one, status: "absent" },
      { studentId: one, status: "present" },
    ]);
    expect(twice.body.errors[0]).toMatchObject({ path: "entries.1.studentId" });
    const minutes = await put(past.id, [{ studentId: one, status: "present", minutesLate: 5 }]);
    expect(minutes.body.errors[0]).toMatchObject({ path: "entries.0.minutesLate" });
    expect((await put(past.id, [])).status).toBe(422);

    await scheduleDb().entities.lesson.patch({ studioId: owner.studio.id, lessonId: past.id }).set({ status: "cancelled" }).go();
    expect((await put(past.id, [{ studentId: one, status: "absent" }])).status).toBe(409);
  });

  it("lets only admins and the lesson's teacher take attendance", async () => {
    const lesson = await booked(owner, { teacherId, studentId: one, scheduledStart: pastAt(3, 11) });
    const entries = [{ studentId: one, status: "absent" }];
    expect((await put(lesson.id, entries, tokens.studentOne)).status).toBe(403);
    expect((await put(lesson.id, entries, tokens.parent)).status).toBe(403);
    expect((await put(lesson.id, entries, tokens.otherTeacher)).status).toBe(404);
    expect((await put(lesson.id, entries, tokens.studentTwo)).status).toBe(404);
    expect((await put(lesson.id, entries, tokens.teacher)).status).toBe(200);
  });

  it("keeps a student's history, newest first, with counts by status", async () => {
    const student = (await addStudent(owner, { primaryTeacherId: teacherId, familyId })).id;
    const marks = ["present", "late", "absent", undefined, "excused"] as const;
    const made: string[] = [];
    for (const [i, status] of marks.entries()) {
      const lesson = await booked(owner, { teacherId, studentId: student, scheduledStart: pastAt(20 - i, 16) });
      made.push(lesson.id);
      if (status) expect((await put(lesson.id, [{ studentId: student, status, ...(status === "late" ? { minutesLate: 5 } : {}) }])).status).toBe(200);
    }
    await booked(owner, { teacherId, studentId: student, scheduledStart: futureAt(2, 16) });

    const all = await history({ studentId: student });
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.items.map((i: { lesson: { id: string } }) => i.lesson.id)).toEqual([...made].reverse());
    expect(all.body.items[3]).toMatchObject({
      lesson: { id: made[1], status: "scheduled", local: { startTime: expect.any(String) } },
      attendance: { status: "late", minutesLate: 5 },
    });
    expect(all.body.summary).toEqual({ present: 1, late: 1, absent: 1, excused: 1, unmarked: 1 });
    expect(dbCost(all.headers).calls).toBe(2);

    const first = await history({ studentId: student, limit: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.summary).toEqual({ present: 0, late: 0, absent: 0, excused: 1, unmarked: 1 });
    const second = await history({ studentId: student, limit: 2, cursor: first.body.nextCursor });
    expect(second.body.items.map((i: { lesson: { id: string } }) => i.lesson.id)).toEqual([made[2], made[1]]);

    const ranged = await history({ studentId: student, from: pastAt(19, 0), to: pastAt(17, 0) });
    expect(ranged.body.items.map((i: { lesson: { id: string } }) => i.lesson.id)).toEqual([made[2], made[1]]);
    const ahead = await history({ studentId: student, from: pastAt(1, 0), to: futureAt(10, 0) });
    expect(ahead.body.items).toHaveLength(1);

    for (const token of [tokens.teacher, tokens.parent]) expect((await history({ studentId: student }, token)).status).toBe(200);
    for (const token of [tokens.otherTeacher, tokens.studentOne, tokens.otherParent]) expect((await history({ studentId: student }, token)).status).toBe(404);
    expect((await history({ studentId: "nobody" })).status).toBe(404);
    expect((await history({})).status).toBe(422);
  });
});
