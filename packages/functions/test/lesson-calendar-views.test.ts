import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { bookLesson, calendar, futureAt } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher } from "./support/people";

const HOUR = 3_600_000;
/** `hours` (and a half, so whole-hour notice is stable while the test runs) from now. */
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR + 30 * 60_000).toISOString();

describe("calendar names", () => {
  it("names a page's teachers, students and bands with include=names, and only the caller's own students for a student", async () => {
    const owner = await ownerWithStudio();
    const teacher = await addTeacher(owner, { firstName: "Tina", lastName: "Turner" });
    const sub = await addTeacher(owner, { firstName: "Sol", lastName: "Sub" });
    const ann = await addStudent(owner, { primaryTeacherId: teacher.id, firstName: "Ann", lastName: "Able" });
    const ben = await addStudent(owner, { primaryTeacherId: teacher.id, firstName: "Ben", lastName: "Baker" });
    const booked = await bookLesson(owner, { teacherId: teacher.id, studentId: ann.id, scheduledStart: futureAt(3, 15) });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    await bookLesson(owner, { teacherId: teacher.id, studentId: ben.id, scheduledStart: futureAt(3, 17) });
    const moved = await api("PATCH", `/v1/studios/${owner.studio.id}/lessons/${booked.body.id}`, {
      token: owner.accessToken,
      body: { substituteTeacherId: sub.id },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const window = { from: futureAt(2, 0), to: futureAt(5, 0) };

    const plain = await calendar(owner, owner.accessToken, window);
    expect(plain.status).toBe(200);
    expect(plain.body.names).toBeUndefined();

    const named = await calendar(owner, owner.accessToken, { ...window, include: "names", limit: 500 });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body.items).toHaveLength(2);
    expect(named.body.names).toEqual({
      teachers: { [teacher.id]: "Tina Turner", [sub.id]: "Sol Sub" },
      students: { [ann.id]: "Ann Able", [ben.id]: "Ben Baker" },
      bands: {},
    });
    expect((await calendar(owner, owner.accessToken, { ...window, limit: 501 })).status).toBe(422);
    expect((await calendar(owner, owner.accessToken, { ...window, include: "everything" })).status).toBe(422);

    const one = await api("GET", `/v1/studios/${owner.studio.id}/lessons/${booked.body.id}?include=names`, { token: owner.accessToken });
    expect(one.status).toBe(200);
    expect(one.body.names).toEqual({ teachers: { [teacher.id]: "Tina Turner", [sub.id]: "Sol Sub" }, students: { [ann.id]: "Ann Able" }, bands: {} });

    // The lesson page's one read: the lesson with its names and its attendance (as GET …/attendance gives it).
    const lessonPath = `/v1/studios/${owner.studio.id}/lessons/${booked.body.id}`;
    const marked = await api("PUT", `${lessonPath}/attendance`, { token: owner.accessToken, body: { entries: [{ studentId: ann.id, status: "excused" }] } });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const both = await api("GET", `${lessonPath}?include=names&include=attendance`, { token: owner.accessToken });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect(both.body.names.students).toEqual({ [ann.id]: "Ann Able" });
    expect(both.body.attendance).toEqual((await api("GET", `${lessonPath}/attendance`, { token: owner.accessToken })).body.entries);
    expect(both.body.attendance.map((e: { studentId: string; status: string | null }) => [e.studentId, e.status])).toEqual([[ann.id, "excused"]]);
    const attendanceOnly = await api("GET", `${lessonPath}?include=attendance`, { token: owner.accessToken });
    expect(attendanceOnly.body.names).toBeUndefined();
    expect(attendanceOnly.body.attendance).toHaveLength(1);
    expect((await api("GET", `${lessonPath}?include=everything`, { token: owner.accessToken })).status).toBe(422);
    const stranger = await ownerWithStudio();
    expect((await api("GET", `/v1/studios/${stranger.studio.id}/lessons/${booked.body.id}?include=attendance`, { token: stranger.accessToken })).status).toBe(
      404,
    );
    expect((await api("GET", `/v1/studios/${owner.studio.id}/lessons/${booked.body.id}?include=attendance`, { token: stranger.accessToken })).status).toBe(404);

    const student = await memberWithRole(owner, "student", { studentId: ben.id });
    const own = await calendar(owner, student.accessToken, { ...window, include: "names" });
    expect(own.status).toBe(200);
    expect(own.body.items.map((l: { studentId: string }) => l.studentId)).toEqual([ben.id]);
    expect(own.body.names.students).toEqual({ [ben.id]: "Ben Baker" });
  });
});

describe("cancellation preview", () => {
  it("says what cancelling would do under the policy without cancelling, for whoever may cancel", async () => {
    const owner = await ownerWithStudio();
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const res = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: inHours(52) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const lessonId = res.body.id as string;
    const url = `/v1/studios/${owner.studio.id}/lessons/${lessonId}/cancellation-preview`;

    const studio = await api("GET", url, { token: owner.accessToken });
    expect(studio.status, JSON.stringify(studio.body)).toBe(200);
    expect(studio.body).toEqual({
      lessonId,
      by: "studio",
      noticeHours: 52,
      outcome: "credit_issued",
      explanation: "credit issued: studio cancelled",
      students: [{ studentId: student.id, outcome: "credit_issued", explanation: "credit issued: studio cancelled" }],
    });
    const asStudent = await api("GET", `${url}?by=student`, { token: owner.accessToken });
    expect(asStudent.body).toMatchObject({ by: "student", noticeHours: 52, outcome: "credit_issued", explanation: "credit issued: 52 h notice" });

    const short = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: inHours(5) });
    const shortPreview = await api("GET", `/v1/studios/${owner.studio.id}/lessons/${short.body.id}/cancellation-preview?by=student`, {
      token: owner.accessToken,
    });
    expect(shortPreview.body).toMatchObject({ outcome: "no_credit", explanation: "no credit: 5 h notice, the policy asks for 24 h" });

    // Nothing changed: the lesson is still scheduled and no credit exists.
    const lesson = await api("GET", `/v1/studios/${owner.studio.id}/lessons/${lessonId}`, { token: owner.accessToken });
    expect(lesson.body).toMatchObject({ status: "scheduled", cancellation: null });
    const credits = await api("GET", `/v1/studios/${owner.studio.id}/makeup-credits?studentId=${student.id}`, { token: owner.accessToken });
    expect(credits.body.items).toEqual([]);

    // A student previews as the student; asking as the studio is refused like the cancellation itself.
    const member = await memberWithRole(owner, "student", { studentId: student.id });
    expect((await api("GET", url, { token: member.accessToken })).body).toMatchObject({ by: "student", outcome: "credit_issued" });
    expect((await api("GET", `${url}?by=studio`, { token: member.accessToken })).status).toBe(403);
    expect((await api("GET", `${url}?by=nobody`, { token: owner.accessToken })).status).toBe(422);
    const stranger = await memberWithRole(owner, "teacher");
    expect((await api("GET", url, { token: stranger.accessToken })).status).toBe(404);

    // A cancelled lesson cannot be cancelled again: 409, as POST …/cancel answers.
    const cancelled = await api("POST", `/v1/studios/${owner.studio.id}/lessons/${lessonId}/cancel`, { token: owner.accessToken, body: { reason: "Closed" } });
    expect(cancelled.status).toBe(200);
    expect((await api("GET", url, { token: owner.accessToken })).status).toBe(409);
    expect((await api("GET", url)).status).toBe(401);
  });
});
