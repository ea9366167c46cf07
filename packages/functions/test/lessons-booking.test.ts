import { scheduleDb } from "@studiosync/core/scheduling";
import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { bookLesson, futureAt, lessonWithParties } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher } from "./support/people";

describe("booking a lesson", () => {
  it("books a lesson and shows it on the studio's wall clock", async () => {
    const owner = await ownerWithStudio({ timeZone: "America/New_York" });
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const res = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: "2027-01-12T16:00:00-05:00", roomName: "Studio A" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      teacherId: teacher.id,
      studentId: student.id,
      studentIds: [student.id],
      status: "scheduled",
      scheduledStart: "2027-01-12T21:00:00.000Z",
      scheduledEnd: "2027-01-12T21:45:00.000Z",
      durationMinutes: 45,
      local: { date: "2027-01-12", startTime: "16:00", endTime: "16:45", timeZone: "America/New_York" },
      roomName: "Studio A",
      editedByHand: false,
    });
  });

  it("refuses a teacher, a student or a room that is taken, naming the lesson in the way", async () => {
    const owner = await ownerWithStudio();
    const { teacher, student, lesson } = await lessonWithParties(owner, { days: 4, hourUtc: 15 });
    const otherTeacher = await addTeacher(owner);
    const otherStudent = await addStudent(owner);

    const teacherTaken = await bookLesson(owner, { teacherId: teacher.id, studentId: otherStudent.id, scheduledStart: futureAt(4, 15, 30) });
    expect(teacherTaken.status).toBe(409);
    expect(teacherTaken.body.conflicts).toEqual([expect.objectContaining({ lessonId: lesson.id, resource: "teacher", resourceId: teacher.id })]);
    expect(teacherTaken.body.detail).toContain(lesson.id);

    const studentTaken = await bookLesson(owner, { teacherId: otherTeacher.id, studentId: student.id, scheduledStart: futureAt(4, 15, 15) });
    expect(studentTaken.status).toBe(409);
    expect(studentTaken.body.conflicts[0]).toMatchObject({ lessonId: lesson.id, resource: "student" });

    const roomed = await bookLesson(owner, { teacherId: otherTeacher.id, studentId: otherStudent.id, scheduledStart: futureAt(5, 10), roomName: "Blue Room" });
    expect(roomed.status).toBe(201);
    const third = await addTeacher(owner);
    const fourth = await addStudent(owner);
    const roomTaken = await bookLesson(owner, { teacherId: third.id, studentId: fourth.id, scheduledStart: futureAt(5, 10, 30), roomName: " blue  room" });
    expect(roomTaken.status).toBe(409);
    expect(roomTaken.body.conflicts[0]).toMatchObject({ lessonId: roomed.body.id, resource: "room", resourceId: "blue room" });

    // Back to back is fine without a buffer.
    const next = await bookLesson(owner, { teacherId: teacher.id, studentId: otherStudent.id, scheduledStart: futureAt(4, 15, 45) });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
  });

  it("keeps the teacher's booking buffer free before and after their lessons", async () => {
    const owner = await ownerWithStudio();
    const { teacher } = await lessonWithParties(owner, { days: 6, hourUtc: 14, teacher: { bookingBufferMinutes: 15 } });
    const other = await addStudent(owner);
    const tooSoon = await bookLesson(owner, { teacherId: teacher.id, studentId: other.id, scheduledStart: futureAt(6, 14, 50) });
    expect(tooSoon.status).toBe(409);
    const tooLate = await bookLesson(owner, { teacherId: teacher.id, studentId: other.id, scheduledStart: futureAt(6, 13, 0), durationMinutes: 50 });
    expect(tooLate.status).toBe(409);
    const ok = await bookLesson(owner, { teacherId: teacher.id, studentId: other.id, scheduledStart: futureAt(6, 15, 0) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it("lets exactly one of many concurrent bookings of one slot win", async () => {
    const owner = await ownerWithStudio();
    const teacher = await addTeacher(owner);
    const students = await Promise.all(Array.from({ length: 8 }, () => addStudent(owner)));
    const start = futureAt(9, 17);
    const results = await Promise.all(students.map((s) => bookLesson(owner, { teacherId: teacher.id, studentId: s.id, scheduledStart: start })));
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => r.status !== 201)) {
      expect(lost.status).toBe(409);
      expect(lost.body.conflicts[0]).toMatchObject({ lessonId: won[0]!.body.id, resource: "teacher" });
    }
  });

  it("books a band's members together and checks each of them", async () => {
    const owner = await ownerWithStudio();
    const teacher = await addTeacher(owner);
    const [a, b] = await Promise.all([addStudent(owner), addStudent(owner)]);
    const band = await api("POST", `/v1/studios/${owner.studio.id}/bands`, { token: owner.accessToken, body: { name: "The Rests" } });
    for (const s of [a, b]) await api("PUT", `/v1/studios/${owner.studio.id}/bands/${band.body.id}/members/${s.id}`, { token: owner.accessToken });
    const lesson = await bookLesson(owner, { teacherId: teacher.id, bandId: band.body.id, type: "ensemble", scheduledStart: futureAt(7, 18) });
    expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
    expect(lesson.body.studentIds.sort()).toEqual([a.id, b.id].sort());
    const other = await addTeacher(owner);
    const clash = await bookLesson(owner, { teacherId: other.id, studentId: b.id, scheduledStart: futureAt(7, 18, 30) });
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts[0]).toMatchObject({ resource: "student", resourceId: b.id });
  });

  it("refuses a date the studio is closed", async () => {
    const owner = await ownerWithStudio({ timeZone: "Europe/London" });
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner);
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
    const res = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: "2027-12-25T10:00:00Z" });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain("Christmas");
  });

  it("names bad fields and never books a lesson another studio owns", async () => {
    const owner = await ownerWithStudio();
    const other = await ownerWithStudio();
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner);
    const base = { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(3, 9) };
    const both = await bookLesson(owner, { ...base, scheduledEnd: futureAt(3, 10) });
    expect(both.status).toBe(422);
    expect(both.body.errors).toEqual([expect.objectContaining({ path: "scheduledEnd" })]);
    const noZone = await bookLesson(owner, { ...base, scheduledStart: "2027-01-01T10:00" });
    expect(noZone.body.errors[0]).toMatchObject({ path: "scheduledStart" });
    const foreignTeacher = await addTeacher(other);
    const res = await bookLesson(owner, { ...base, teacherId: foreignTeacher.id });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: "teacherId" });
    expect((await bookLesson(other, base)).status).toBe(422);
  });

  it("lets a teacher book only their own lessons with their own students", async () => {
    const owner = await ownerWithStudio();
    const teacher = await addTeacher(owner);
    const mine = await addStudent(owner, { primaryTeacherId: teacher.id });
    const notMine = await addStudent(owner);
    const member = await memberWithRole(owner, "teacher", { teacherId: teacher.id });
    const ok = await bookLesson(owner, { teacherId: teacher.id, studentId: mine.id, scheduledStart: futureAt(8, 9) }, member.accessToken);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await bookLesson(owner, { teacherId: teacher.id, studentId: notMine.id, scheduledStart: futureAt(8, 11) }, member.accessToken)).status).toBe(403);
    const student = await memberWithRole(owner, "student", { studentId: mine.id });
    expect((await bookLesson(owner, { teacherId: teacher.id, studentId: mine.id, scheduledStart: futureAt(8, 13) }, student.accessToken)).status).toBe(403);
  });
});
