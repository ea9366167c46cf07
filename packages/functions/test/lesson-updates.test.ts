import { scheduleDb } from "@studiosync/core/scheduling";
import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { bookLesson, booked, calendar, futureAt, lessonWithParties, pastAt, patchLesson } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, auditActions } from "./support/people";

describe("rescheduling a lesson", () => {
  it("moves a lesson, frees its old place and re-checks the new one", async () => {
    const owner = await ownerWithStudio({ timeZone: "America/New_York" });
    const { teacher, student, lesson } = await lessonWithParties(owner, { days: 10, hourUtc: 15 });
    const blocker = await booked(owner, { teacherId: teacher.id, studentId: (await addStudent(owner)).id, scheduledStart: futureAt(11, 15) });

    const clash = await patchLesson(owner, lesson.id, { scheduledStart: futureAt(11, 15, 30) });
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts[0]).toMatchObject({ lessonId: blocker.id, resource: "teacher" });

    const moved = await patchLesson(owner, lesson.id, { scheduledStart: "2027-01-12T16:00:00-05:00" });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      scheduledStart: "2027-01-12T21:00:00.000Z",
      scheduledEnd: "2027-01-12T21:45:00.000Z",
      local: { date: "2027-01-12", startTime: "16:00", endTime: "16:45" },
      editedByHand: false,
    });
    // Its old place is free again, for the teacher and the student.
    expect((await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: lesson.scheduledStart })).status).toBe(201);
    // Its new place is taken.
    expect((await bookLesson(owner, { teacherId: teacher.id, studentId: (await addStudent(owner)).id, scheduledStart: "2027-01-12T21:15:00Z" })).status).toBe(
      409,
    );

    const longer = await patchLesson(owner, lesson.id, { durationMinutes: 60 });
    expect(longer.body).toMatchObject({ scheduledEnd: "2027-01-12T22:00:00.000Z", durationMinutes: 60 });
    const ended = await patchLesson(owner, lesson.id, { scheduledEnd: "2027-01-12T21:30:00Z" });
    expect(ended.body).toMatchObject({ durationMinutes: 30 });
    expect(await auditActions(owner.studio.id, "lesson", lesson.id)).toEqual([
      "lesson.created",
      "lesson.rescheduled",
      "lesson.rescheduled",
      "lesson.rescheduled",
    ]);
  });

  it("refuses moves into the past, closures and nonsense", async () => {
    const owner = await ownerWithStudio({ timeZone: "Europe/London" });
    const { lesson } = await lessonWithParties(owner, { days: 5 });
    const paths = async (body: Record<string, unknown>, status = 422) => {
      const res = await patchLesson(owner, lesson.id, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body.errors?.map((e: { path: string }) => e.path);
    };
    expect(await paths({ scheduledStart: pastAt(1, 10) })).toEqual(["scheduledStart"]);
    expect(await paths({ scheduledEnd: lesson.scheduledStart })).toEqual(["scheduledEnd"]);
    expect(await paths({ scheduledEnd: futureAt(9, 10), durationMinutes: 30 })).toEqual(["scheduledEnd"]);
    expect(await paths({})).toEqual(["body"]);
    expect(await paths({ teacherId: "x" })).toContain("teacherId");
    expect(await paths({ status: "cancelled" })).toEqual(["status"]);
    expect(await paths({ type: "private", roomName: "" })).toEqual(["roomName"]);
    await scheduleDb()
      .entities.closure.create({
        studioId: owner.studio.id,
        closureId: "xmas",
        startDate: "2027-12-24",
        endDate: "2027-12-26",
        reason: "Christmas",
        createdBy: owner.userId,
      })
      .go();
    expect(await paths({ scheduledStart: "2027-12-25T10:00:00Z" }, 409)).toEqual(["scheduledStart"]);
    const cancel = await patchLesson(owner, lesson.id, { status: "cancelled" });
    expect(cancel.body.errors[0].message).toContain("/cancel");
  });

  it("changes room, place and title, and checks the room is free", async () => {
    const owner = await ownerWithStudio();
    const { lesson } = await lessonWithParties(owner, { days: 6, hourUtc: 10 });
    const other = await lessonWithParties(owner, { days: 6, hourUtc: 10 });
    await patchLesson(owner, other.lesson.id, { roomName: "Blue Room" });
    const taken = await patchLesson(owner, lesson.id, { roomName: "blue room" });
    expect(taken.status).toBe(409);
    expect(taken.body.conflicts[0]).toMatchObject({ resource: "room", lessonId: other.lesson.id });
    const changed = await patchLesson(owner, lesson.id, {
      roomName: "Red Room",
      title: "Scales",
      location: "Upstairs",
      onlineUrl: "https://meet.example.test/x",
      type: "online",
    });
    expect(changed.body).toMatchObject({
      roomName: "Red Room",
      title: "Scales",
      location: "Upstairs",
      onlineUrl: "https://meet.example.test/x",
      type: "online",
    });
    const cleared = await patchLesson(owner, lesson.id, { roomName: null, title: null, location: null, onlineUrl: null });
    expect(cleared.body).toMatchObject({ roomName: null, title: null, location: null, onlineUrl: null });
    // The room is free again.
    expect((await patchLesson(owner, other.lesson.id, { roomName: "Red Room" })).status).toBe(200);
  });

  it("only lets admins and the teacher teaching it change a lesson", async () => {
    const owner = await ownerWithStudio();
    const { teacher, student, lesson } = await lessonWithParties(owner, { days: 7 });
    const otherTeacher = await addTeacher(owner);
    const [mine, theirs, self] = await Promise.all([
      memberWithRole(owner, "teacher", { teacherId: teacher.id }),
      memberWithRole(owner, "teacher", { teacherId: otherTeacher.id }),
      memberWithRole(owner, "student", { studentId: student.id }),
    ]);
    expect((await patchLesson(owner, lesson.id, { title: "Mine" }, mine.accessToken)).status).toBe(200);
    expect((await patchLesson(owner, lesson.id, { title: "Theirs" }, theirs.accessToken)).status).toBe(404);
    expect((await patchLesson(owner, lesson.id, { title: "Me" }, self.accessToken)).status).toBe(403);
    const stranger = await ownerWithStudio();
    expect((await patchLesson(owner, lesson.id, { title: "No" }, stranger.accessToken)).status).toBe(404);
  });

  it("lets one of two concurrent changes win and tells the other the lesson changed", async () => {
    const owner = await ownerWithStudio();
    const { lesson } = await lessonWithParties(owner, { days: 8 });
    const results = await Promise.all(["A", "B", "C", "D"].map((title) => patchLesson(owner, lesson.id, { title })));
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body.detail).toContain("changed by someone else");
    }
  });
});

describe("substitute teachers", () => {
  it("hands a lesson to a substitute, keeps the original on record and gives it back", async () => {
    const owner = await ownerWithStudio();
    const { teacher, student, lesson } = await lessonWithParties(owner, { days: 9, hourUtc: 14 });
    const sub = await addTeacher(owner, { bookingBufferMinutes: 15 });
    const [original, substitute] = await Promise.all([
      memberWithRole(owner, "teacher", { teacherId: teacher.id }),
      memberWithRole(owner, "teacher", { teacherId: sub.id }),
    ]);
    // The substitute is busy right after (their buffer counts): 409 naming their lesson.
    const busy = await booked(owner, { teacherId: sub.id, studentId: (await addStudent(owner)).id, scheduledStart: futureAt(9, 14, 50) });
    const clash = await patchLesson(owner, lesson.id, { substituteTeacherId: sub.id });
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts[0]).toMatchObject({ lessonId: busy.id, resource: "teacher", resourceId: sub.id });
    await patchLesson(owner, busy.id, { scheduledStart: futureAt(9, 18) });

    const handed = await patchLesson(owner, lesson.id, { substituteTeacherId: sub.id });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ teacherId: sub.id, originalTeacherId: teacher.id });
    const range = { from: futureAt(9, 0), to: futureAt(10, 0) };
    expect((await calendar(owner, substitute.accessToken, range)).body.items.map((l: { id: string }) => l.id)).toContain(lesson.id);
    expect((await calendar(owner, original.accessToken, range)).body.items).toEqual([]);
    // The original teacher still sees it and keeps their rights over it; their time is free again.
    expect((await api("GET", `/v1/studios/${owner.studio.id}/lessons/${lesson.id}`, { token: original.accessToken })).status).toBe(200);
    expect((await patchLesson(owner, lesson.id, { title: "Mine" }, original.accessToken)).status).toBe(200);
    const freed = await booked(owner, { teacherId: teacher.id, studentId: (await addStudent(owner)).id, scheduledStart: futureAt(9, 14) });

    // Giving it back needs the original teacher free again.
    expect((await patchLesson(owner, lesson.id, { substituteTeacherId: null })).status).toBe(409);
    await patchLesson(owner, freed.id, { scheduledStart: futureAt(9, 20) });
    const back = await patchLesson(owner, lesson.id, { substituteTeacherId: null });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ teacherId: teacher.id, originalTeacherId: null, studentIds: [student.id] });
    expect(await auditActions(owner.studio.id, "lesson", lesson.id)).toContain("lesson.substituted");
  });

  it("refuses a substitute who is not an active teacher of the studio", async () => {
    const owner = await ownerWithStudio();
    const other = await ownerWithStudio();
    const { lesson } = await lessonWithParties(owner);
    const foreign = await addTeacher(other);
    const inactive = await addTeacher(owner, { isActive: false });
    for (const id of [foreign.id, inactive.id, "nobody"]) {
      const res = await patchLesson(owner, lesson.id, { substituteTeacherId: id });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe("substituteTeacherId");
    }
  });
});

describe("lesson status", () => {
  it("moves along valid edges only, recording actual times", async () => {
    const owner = await ownerWithStudio();
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const twoHoursAgo = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 3_600_000).toISOString();
    const past = await booked(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: twoHoursAgo });
    const future = await booked(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(3, 9) });

    const early = await patchLesson(owner, future.id, { status: "completed" });
    expect(early.status).toBe(409);
    expect(early.body.errors[0].path).toBe("status");
    expect((await patchLesson(owner, future.id, { actualStart: pastAt(0, 0) })).status).toBe(422);

    const started = await patchLesson(owner, past.id, { status: "in_progress" });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.actualStart).toEqual(expect.any(String));
    expect((await patchLesson(owner, past.id, { scheduledStart: futureAt(2, 9) })).status).toBe(409);
    expect((await patchLesson(owner, past.id, { title: "Still fine" })).status).toBe(200);
    expect((await patchLesson(owner, past.id, { actualEnd: new Date().toISOString() })).status).toBe(422);
    const done = await patchLesson(owner, past.id, { status: "completed" });
    expect(done.body).toMatchObject({ status: "completed", actualEnd: expect.any(String) });
    expect((await patchLesson(owner, past.id, { status: "in_progress" })).status).toBe(409);
    expect((await patchLesson(owner, past.id, { status: "scheduled" })).status).toBe(409);
    expect((await patchLesson(owner, past.id, { title: "Too late" })).status).toBe(409);
    const fixed = await patchLesson(owner, past.id, { actualStart: done.body.scheduledStart, actualEnd: done.body.scheduledEnd });
    expect(fixed.body).toMatchObject({ actualStart: done.body.scheduledStart, actualEnd: done.body.scheduledEnd });
    const backwards = await patchLesson(owner, past.id, { actualEnd: pastAt(3, 0) });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0].path).toBe("actualEnd");
    expect((await patchLesson(owner, past.id, { actualStart: futureAt(1, 0) })).status).toBe(422);

    const missed = await booked(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: pastAt(2, 9) });
    expect((await patchLesson(owner, missed.id, { status: "no_show" })).body.status).toBe("no_show");
    expect((await patchLesson(owner, missed.id, { status: "completed" })).status).toBe(409);
    expect((await patchLesson(owner, missed.id, { actualStart: pastAt(2, 9) })).status).toBe(422);
    expect(await auditActions(owner.studio.id, "lesson", past.id)).toContain("lesson.status_changed");
  });

  it("answers an unchanged lesson without writing", async () => {
    const owner = await ownerWithStudio();
    const { lesson } = await lessonWithParties(owner);
    const before = await api("GET", `/v1/studios/${owner.studio.id}/lessons/${lesson.id}`, { token: owner.accessToken });
    const res = await patchLesson(owner, lesson.id, { title: null, status: "scheduled" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(before.body);
    expect(await auditActions(owner.studio.id, "lesson", lesson.id)).toEqual(["lesson.created"]);
  });
});

describe("pattern-made lessons", () => {
  it("marks a pattern's lesson edited by hand when it is changed", async () => {
    const owner = await ownerWithStudio();
    const { lesson } = await lessonWithParties(owner, { days: 12 });
    await scheduleDb()
      .entities.lesson.patch({ studioId: owner.studio.id, lessonId: lesson.id })
      .set({ patternId: "pattern-1", occurrenceDate: lesson.scheduledStart.slice(0, 10) })
      .go();
    const res = await patchLesson(owner, lesson.id, { title: "Moved by hand", scheduledStart: futureAt(13, 9) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ editedByHand: true, patternId: "pattern-1" });
    const { data: attendee } = await scheduleDb()
      .entities.lessonAttendee.get({ studioId: owner.studio.id, lessonId: lesson.id, studentId: lesson.studentId as string })
      .go();
    expect(attendee).toMatchObject({
      scheduledStart: res.body.scheduledStart,
      lesson: expect.objectContaining({ editedByHand: true, title: "Moved by hand" }),
    });
  });
});
