import { randomUUID } from "node:crypto";
import { scheduleDb } from "@studiosync/core/scheduling";
import { addDays, weekdayOf } from "@studiosync/core/kernel";
import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, paths } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/** A studio on UTC+0 all year, so local times read as UTC in the test. */
const ZONE = "Atlantic/Reykjavik";
const WEEKDAYS_9_TO_17 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));

/** The first local date at least `after` days from today that falls on an ISO weekday (7 = Sunday). */
function nextWeekday(weekday: number, after = 3) {
  let date = addDays(new Date().toISOString().slice(0, 10), after);
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return date;
}

/** A 30-minute lesson of the teacher with the student, cancelled by the studio: the credit it earned. */
async function creditOf(owner: Owner, teacherId: string, studentId: string, days: number) {
  const lesson = await bookLesson(owner, { teacherId, studentId, scheduledStart: futureAt(days, 15), durationMinutes: 30 });
  expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
  const cancelled = await api("POST", `/v1/studios/${owner.studio.id}/lessons/${lesson.body.id}/cancel`, {
    token: owner.accessToken,
    body: { reason: "Teacher ill" },
  });
  expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
  return cancelled.body.cancellation.creditId as string;
}

async function world() {
  const owner = await ownerWithStudio({ timeZone: ZONE });
  const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, {
    token: owner.accessToken,
    body: { name: `Family ${randomUUID().slice(0, 6)}` },
  });
  const teacher = await addTeacher(owner);
  const hours = await api("PUT", `/v1/studios/${owner.studio.id}/availability/${teacher.id}`, {
    token: owner.accessToken,
    body: { weeklyHours: WEEKDAYS_9_TO_17 },
  });
  expect(hours.status, JSON.stringify(hours.body)).toBe(200);
  const student = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: family.body.id });
  const [parent, studentMember] = await Promise.all([
    memberWithRole(owner, "parent", { familyId: family.body.id }),
    memberWithRole(owner, "student", { studentId: student.id }),
  ]);
  return { owner, teacher, student, parent, studentMember };
}

const spend = (owner: Owner, creditId: string, body: Record<string, unknown>, token: string) =>
  api("POST", `/v1/studios/${owner.studio.id}/makeup-credits/${creditId}/book`, { token, body });
const creditStatus = async (owner: Owner, creditId: string) =>
  (await scheduleDb().entities.makeupCredit.get({ studioId: owner.studio.id, creditId }).go()).data!.status;

describe("issue 10 #13: a family spending a make-up credit gets the credit's teacher, length and free slots only", () => {
  it("refuses a parent 03:00 on Sunday, hours outside the teacher's, 8 hours on a 30-minute credit, another teacher, and a room, place or link", async () => {
    const { owner, teacher, student, parent } = await world();
    const creditId = await creditOf(owner, teacher.id, student.id, 2);
    const colleague = await addTeacher(owner);
    const tuesday = nextWeekday(2);

    const night = await spend(owner, creditId, { scheduledStart: `${nextWeekday(7)}T03:00:00Z` }, parent.accessToken);
    expect(night.status, JSON.stringify(night.body)).toBe(422);
    expect(night.body.errors).toEqual([{ path: "scheduledStart", message: expect.stringContaining("outside the teacher's working hours") }]);
    expect(paths(await spend(owner, creditId, { scheduledStart: `${tuesday}T20:00:00Z` }, parent.accessToken))).toEqual(["scheduledStart"]);
    // Starting inside the hours but running past their end does not fit either.
    expect(paths(await spend(owner, creditId, { scheduledStart: `${tuesday}T16:45:00Z` }, parent.accessToken))).toEqual(["scheduledStart"]);

    const long = await spend(owner, creditId, { scheduledStart: `${tuesday}T09:00:00Z`, durationMinutes: 480 }, parent.accessToken);
    expect(long.status).toBe(422);
    expect(long.body.errors).toEqual([{ path: "durationMinutes", message: "must be at most 30, the length of the cancelled lesson" }]);
    const other = await spend(owner, creditId, { scheduledStart: `${tuesday}T10:00:00Z`, teacherId: colleague.id }, parent.accessToken);
    expect(other.status).toBe(422);
    expect(paths(other)).toEqual(["teacherId"]);
    const placed = await spend(
      owner,
      creditId,
      { scheduledStart: `${tuesday}T10:00:00Z`, roomName: "Hall", location: "Elsewhere", onlineUrl: "https://evil.example/meet" },
      parent.accessToken,
    );
    expect(placed.status).toBe(422);
    expect(paths(placed)).toEqual(["location", "onlineUrl", "roomName"]);
    expect(await creditStatus(owner, creditId)).toBe("available");
  });

  it("refuses a student the same: the night, a longer lesson, another teacher, an online link", async () => {
    const { owner, teacher, student, studentMember } = await world();
    const creditId = await creditOf(owner, teacher.id, student.id, 2);
    const token = studentMember.accessToken;
    const tuesday = nextWeekday(2);
    expect(paths(await spend(owner, creditId, { scheduledStart: `${nextWeekday(7)}T03:00:00Z` }, token))).toEqual(["scheduledStart"]);
    expect(paths(await spend(owner, creditId, { scheduledStart: `${tuesday}T09:00:00Z`, durationMinutes: 480 }, token))).toEqual(["durationMinutes"]);
    expect(paths(await spend(owner, creditId, { scheduledStart: `${tuesday}T09:00:00Z`, teacherId: (await addTeacher(owner)).id }, token))).toEqual([
      "teacherId",
    ]);
    expect(paths(await spend(owner, creditId, { scheduledStart: `${tuesday}T09:00:00Z`, onlineUrl: "https://evil.example/meet" }, token))).toEqual([
      "onlineUrl",
    ]);
    expect(await creditStatus(owner, creditId)).toBe("available");
  });

  it("books a valid make-up into a free slot as a parent and as a student, and refuses a taken one", async () => {
    const { owner, teacher, student, parent, studentMember } = await world();
    const [first, second] = [await creditOf(owner, teacher.id, student.id, 2), await creditOf(owner, teacher.id, student.id, 3)];
    const wednesday = nextWeekday(3);
    const busy = await bookLesson(owner, {
      teacherId: teacher.id,
      studentId: (await addStudent(owner, { primaryTeacherId: teacher.id })).id,
      scheduledStart: `${wednesday}T10:00:00Z`,
      durationMinutes: 45,
    });
    expect(busy.status).toBe(201);

    const taken = await spend(owner, first, { scheduledStart: `${wednesday}T10:15:00Z` }, parent.accessToken);
    expect(taken.status).toBe(409);
    expect(taken.body.conflicts[0]).toMatchObject({ lessonId: busy.body.id, resource: "teacher" });

    const byParent = await spend(owner, first, { scheduledStart: `${wednesday}T11:00:00Z` }, parent.accessToken);
    expect(byParent.status, JSON.stringify(byParent.body)).toBe(201);
    expect(byParent.body).toMatchObject({ teacherId: teacher.id, durationMinutes: 30, roomName: null, onlineUrl: null, makeupCreditId: first });
    const byStudent = await spend(
      owner,
      second,
      { scheduledStart: `${wednesday}T16:40:00Z`, durationMinutes: 20, teacherId: teacher.id, title: "Scales" },
      studentMember.accessToken,
    );
    expect(byStudent.status, JSON.stringify(byStudent.body)).toBe(201);
    expect(byStudent.body).toMatchObject({ teacherId: teacher.id, durationMinutes: 20, title: "Scales" });
  });

  it("leaves staff their freedom: an admin books any teacher, hour, length and place", async () => {
    const { owner, teacher, student } = await world();
    const creditId = await creditOf(owner, teacher.id, student.id, 2);
    const colleague = await addTeacher(owner);
    const booked = await spend(
      owner,
      creditId,
      { scheduledStart: `${nextWeekday(7)}T03:00:00Z`, teacherId: colleague.id, durationMinutes: 90, roomName: "Hall", onlineUrl: "https://meet.example/room" },
      owner.accessToken,
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body).toMatchObject({ teacherId: colleague.id, durationMinutes: 90, roomName: "Hall", onlineUrl: "https://meet.example/room" });
  });
});
