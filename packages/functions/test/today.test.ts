import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { booked, futureAt } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/** The next quarter hour at least an hour from now: a lesson that is today or tomorrow on a UTC+0 clock. */
const soon = () => {
  const t = Date.now() + 60 * 60_000;
  return new Date(Math.ceil(t / 900_000) * 900_000).toISOString();
};

describe("GET /v1/studios/{studioId}/today", () => {
  let owner: Owner;
  let teacherToken: string;
  let studentToken: string;
  let mine: { id: string };
  let theirs: { id: string };
  let later: { id: string };
  let ownTeacher: { id: string; firstName: string; lastName: string };
  let student: { id: string; firstName: string; lastName: string };
  const today = (token: string, studioId = owner.studio.id) => api("GET", `/v1/studios/${studioId}/today`, { token });

  beforeAll(async () => {
    owner = await ownerWithStudio({ timeZone: "Europe/London", currency: "GBP" });
    const [t1, t2] = await Promise.all([addTeacher(owner), addTeacher(owner)]);
    ownTeacher = t1 as typeof ownTeacher;
    student = (await addStudent(owner, { firstName: "Nora", lastName: "Keys", primaryTeacherId: t1.id })) as typeof student;
    const other = await addStudent(owner, { firstName: "Otto", lastName: "Other", primaryTeacherId: t2.id });
    const start = soon();
    mine = await booked(owner, { teacherId: t1.id, studentId: student.id, scheduledStart: start });
    theirs = await booked(owner, { teacherId: t2.id, studentId: other.id, scheduledStart: start });
    later = await booked(owner, { teacherId: t1.id, studentId: student.id, scheduledStart: futureAt(4, 12) });
    const [teacher, studentMember] = await Promise.all([
      memberWithRole(owner, "teacher", { teacherId: t1.id }),
      memberWithRole(owner, "student", { studentId: student.id }),
    ]);
    teacherToken = teacher.accessToken;
    studentToken = studentMember.accessToken;
    const marked = await api("PUT", `/v1/studios/${owner.studio.id}/lessons/${mine.id}/attendance`, {
      token: owner.accessToken,
      body: { entries: [{ studentId: student.id, status: "absent" }] },
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const asked = await api("POST", `/v1/studios/${owner.studio.id}/reschedule-requests`, {
      token: studentToken,
      body: { lessonId: later.id, proposedStart: futureAt(5, 12) },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const join = await api("POST", `/v1/public/studios/${owner.studio.slug}/access-requests`, {
      body: { email: uniqueEmail("applicant"), firstName: "Ravi", lastName: "Requester", role: "parent" },
    });
    expect(join.status).toBe(202);
  });

  it("gives an owner the studio's two days with attendance and names, the pending requests, money and the open setup steps", async () => {
    const res = await today(owner.accessToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ role: "owner", timeZone: "Europe/London", moreLessons: false });
    expect(body.lessons.map((l: { id: string }) => l.id).sort()).toEqual([mine.id, theirs.id].sort());
    const first = body.lessons.find((l: { id: string }) => l.id === mine.id);
    expect(first.attendance).toEqual([{ studentId: student.id, status: "absent" }]);
    expect(body.names.students[student.id]).toBe("Nora Keys");
    expect(body.names.teachers[ownTeacher.id]).toBe(`${ownTeacher.firstName} ${ownTeacher.lastName}`);
    expect(body.rescheduleRequests.count).toBe(1);
    expect(body.rescheduleRequests.items[0]).toMatchObject({ lessonId: later.id, status: "pending" });
    expect(body.accessRequests).toMatchObject({ count: 1, items: [expect.objectContaining({ firstName: "Ravi", role: "parent" })] });
    expect(body.money).toMatchObject({ currency: "GBP", overdueCount: 0, overdueMinor: 0, revenueThisMonthMinor: 0 });
    expect(body.setup).toEqual({ teacherAdded: true, hoursSet: false, familiesInvited: false, billingSettingsSaved: false, stripeConnected: false });
    expect(body.closures).toEqual([]);
  });

  it("gives a teacher only their own lessons and requests, and never money, access requests or setup", async () => {
    const res = await today(teacherToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.role).toBe("teacher");
    expect(res.body.lessons.map((l: { id: string }) => l.id)).toEqual([mine.id]);
    expect(res.body.rescheduleRequests.count).toBe(1);
    expect(res.body).toMatchObject({ accessRequests: null, money: null, setup: null });
    expect(Object.keys(res.body.names.students)).toEqual([student.id]);
  });

  it("shows a closure and ticks the steps as the studio sets up", async () => {
    const put = await api("PUT", `/v1/studios/${owner.studio.id}/availability/${ownTeacher.id}`, {
      token: owner.accessToken,
      body: { weeklyHours: [{ weekday: 1, start: "09:00", end: "17:00" }] },
    });
    expect([200, 201], JSON.stringify(put.body)).toContain(put.status);
    const day = futureAt(40, 12).slice(0, 10);
    const closed = await api("POST", `/v1/studios/${owner.studio.id}/closures`, {
      token: owner.accessToken,
      body: { startDate: day, endDate: day, reason: "Half term" },
    });
    expect(closed.status).toBe(201);
    const res = await today(owner.accessToken);
    expect(res.body.setup.hoursSet).toBe(true);
    expect(res.body.closures).toEqual([expect.objectContaining({ reason: "Half term", startDate: day })]);
  });

  it("refuses students (403), other studios (404) and no sign-in (401)", async () => {
    expect((await today(studentToken)).status).toBe(403);
    const other = await ownerWithStudio();
    expect((await today(owner.accessToken, other.studio.id)).status).toBe(404);
    expect((await api("GET", `/v1/studios/${owner.studio.id}/today`)).status).toBe(401);
  });
});

describe("lists for the workspace's pages carry names", () => {
  it("GET one access request (admins), reschedule requests and patterns with names", async () => {
    const owner = await ownerWithStudio({ timeZone: "Europe/London" });
    const teacher = await addTeacher(owner, { firstName: "Vera", lastName: "Viola" });
    const student = await addStudent(owner, { firstName: "Bea", lastName: "Bow", primaryTeacherId: teacher.id });
    const studentMember = await memberWithRole(owner, "student", { studentId: student.id });
    const lesson = await booked(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(6, 12) });
    await api("POST", `/v1/studios/${owner.studio.id}/reschedule-requests`, {
      token: studentMember.accessToken,
      body: { lessonId: lesson.id, proposedStart: futureAt(7, 12) },
    });
    const inbox = await api("GET", `/v1/studios/${owner.studio.id}/reschedule-requests`, { token: owner.accessToken });
    expect(inbox.body.names).toMatchObject({ students: { [student.id]: "Bea Bow" }, teachers: { [teacher.id]: "Vera Viola" } });

    const weekly = await api("POST", `/v1/studios/${owner.studio.id}/recurring-patterns`, {
      token: owner.accessToken,
      body: {
        teacherId: teacher.id,
        studentId: student.id,
        frequency: "weekly",
        startDate: futureAt(10, 12).slice(0, 10),
        startTime: "15:00",
        durationMinutes: 30,
      },
    });
    expect(weekly.status, JSON.stringify(weekly.body)).toBe(201);
    const patterns = await api("GET", `/v1/studios/${owner.studio.id}/recurring-patterns`, { token: owner.accessToken });
    expect(patterns.body.names.students[student.id]).toBe("Bea Bow");

    const join = await api("POST", `/v1/public/studios/${owner.studio.slug}/access-requests`, {
      body: { email: uniqueEmail("applicant"), firstName: "Ida", lastName: "Ink", role: "student" },
    });
    expect(join.status).toBe(202);
    const listed = await api("GET", `/v1/studios/${owner.studio.id}/access-requests`, { token: owner.accessToken });
    const id = listed.body.items[0].id;
    const one = await api("GET", `/v1/studios/${owner.studio.id}/access-requests/${id}`, { token: owner.accessToken });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id, firstName: "Ida", status: "pending" });
    const teacherMember = await memberWithRole(owner, "teacher", { teacherId: teacher.id });
    expect((await api("GET", `/v1/studios/${owner.studio.id}/access-requests/${id}`, { token: teacherMember.accessToken })).status).toBe(403);
    const other = await ownerWithStudio();
    expect((await api("GET", `/v1/studios/${other.studio.id}/access-requests/${id}`, { token: other.accessToken })).status).toBe(404);
  });
});
