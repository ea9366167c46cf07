import { randomUUID } from "node:crypto";
import { fixedClock } from "@studiosync/core/kernel";
import { scheduleDb } from "@studiosync/core/scheduling";
import { describe, expect, it } from "vitest";
import { expireMakeupCredits } from "../src/modules/cancellations/jobs/expire-makeup-credits";
import { api, ownerWithStudio } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, auditActions } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/** A teacher, their student in a family, and a make-up credit the student earned when the studio cancelled a lesson. */
async function studentWithCredit(owner: Owner, days = 3) {
  const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, {
    token: owner.accessToken,
    body: { name: `Family ${randomUUID().slice(0, 6)}` },
  });
  const teacher = await addTeacher(owner);
  const student = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: family.body.id });
  const credit = await creditFor(owner, teacher.id, student.id, days);
  return { teacher, student, familyId: family.body.id as string, creditId: credit.creditId, lessonId: credit.lessonId };
}

async function creditFor(owner: Owner, teacherId: string, studentId: string, days: number, durationMinutes = 45) {
  const lesson = await bookLesson(owner, { teacherId, studentId, scheduledStart: futureAt(days, 15), durationMinutes });
  expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
  const cancelled = await api("POST", `/v1/studios/${owner.studio.id}/lessons/${lesson.body.id}/cancel`, {
    token: owner.accessToken,
    body: { reason: "Teacher ill" },
  });
  expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
  return { creditId: cancelled.body.cancellation.creditId as string, lessonId: lesson.body.id as string };
}

const list = (owner: Owner, query: string, token = owner.accessToken) => api("GET", `/v1/studios/${owner.studio.id}/makeup-credits${query}`, { token });
const spend = (owner: Owner, creditId: string, body: Record<string, unknown>, token = owner.accessToken) =>
  api("POST", `/v1/studios/${owner.studio.id}/makeup-credits/${creditId}/book`, { token, body });
const creditRecord = async (owner: Owner, creditId: string) =>
  (await scheduleDb().entities.makeupCredit.get({ studioId: owner.studio.id, creditId }).go()).data!;

const utcDate = (daysFromToday: number, today = Date.now()) => new Date(today + daysFromToday * 86_400_000).toISOString().slice(0, 10);

describe("make-up credits", () => {
  it("lists a student's credits to admins, their teacher, themselves and their parents, newest first", async () => {
    const owner = await ownerWithStudio();
    const { teacher, student, familyId, creditId } = await studentWithCredit(owner);
    const second = await creditFor(owner, teacher.id, student.id, 4, 30);
    const [teacherMember, studentMember, parent, otherParent, otherTeacher] = await Promise.all([
      memberWithRole(owner, "teacher", { teacherId: teacher.id }),
      memberWithRole(owner, "student", { studentId: student.id }),
      memberWithRole(owner, "parent", { familyId }),
      memberWithRole(owner, "parent", { familyId: "another-family" }),
      memberWithRole(owner, "teacher", { teacherId: "another-teacher" }),
    ]);

    const admin = await list(owner, `?studentId=${student.id}`);
    expect(admin.status).toBe(200);
    expect(admin.body.items.map((c: { id: string }) => c.id)).toEqual([second.creditId, creditId]);
    expect(admin.body.items[0]).toMatchObject({
      status: "available",
      cancelledBy: "studio",
      reason: "Teacher ill",
      durationMinutes: 30,
      teacherId: teacher.id,
    });
    for (const token of [teacherMember.accessToken, parent.accessToken])
      expect((await list(owner, `?studentId=${student.id}`, token)).body.items).toHaveLength(2);
    expect((await list(owner, "", studentMember.accessToken)).body.items).toHaveLength(2);
    expect((await list(owner, `?studentId=${student.id}`, otherParent.accessToken)).status).toBe(404);
    expect((await list(owner, `?studentId=${student.id}`, otherTeacher.accessToken)).status).toBe(404);
    expect((await list(owner, "", teacherMember.accessToken)).body.errors[0].path).toBe("studentId");
    expect((await list(owner, `?studentId=${student.id}&status=used`)).body.items).toEqual([]);
    expect((await list(owner, `?studentId=${student.id}&status=bogus`)).status).toBe(422);
    const page = await list(owner, `?studentId=${student.id}&limit=1`);
    expect(page.body.items).toHaveLength(1);
    expect((await list(owner, `?studentId=${student.id}&limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`)).body.items[0].id).toBe(creditId);
  });

  it("books a make-up into a free slot with the cancelled lesson's teacher and length, and spends the credit", async () => {
    const owner = await ownerWithStudio({ timeZone: "Europe/Berlin" });
    const { teacher, student, creditId, lessonId } = await studentWithCredit(owner);
    // A student books into the teacher's free slots: give the teacher working hours every day.
    const weeklyHours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "20:00" }));
    expect((await api("PUT", `/v1/studios/${owner.studio.id}/availability/${teacher.id}`, { token: owner.accessToken, body: { weeklyHours } })).status).toBe(
      200,
    );
    const studentMember = await memberWithRole(owner, "student", { studentId: student.id });
    const res = await spend(owner, creditId, { scheduledStart: futureAt(5, 16) }, studentMember.accessToken);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      type: "private",
      status: "scheduled",
      teacherId: teacher.id,
      studentId: student.id,
      durationMinutes: 45,
      makeupCreditId: creditId,
      title: "Make-up lesson",
    });
    const credit = (await list(owner, `?studentId=${student.id}`)).body.items[0];
    expect(credit).toMatchObject({ id: creditId, status: "used", usedLessonId: res.body.id, sourceLessonId: lessonId });
    expect(await auditActions(owner.studio.id, "makeupCredit", creditId)).toEqual(["makeupCredit.used"]);

    const again = await spend(owner, creditId, { scheduledStart: futureAt(6, 16) });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain(res.body.id);
    expect((await spend(owner, creditId, { scheduledStart: "tomorrow" })).body.errors[0].path).toBe("scheduledStart");
    expect((await spend(owner, "no-such-credit", { scheduledStart: futureAt(6, 16) })).status).toBe(404);
    const other = await ownerWithStudio();
    expect((await spend(other, creditId, { scheduledStart: futureAt(6, 16) })).status).toBe(404);
  });

  it("lets exactly one of two concurrent spends of one credit win", async () => {
    const owner = await ownerWithStudio();
    const { student, creditId } = await studentWithCredit(owner);
    const results = await Promise.all([
      spend(owner, creditId, { scheduledStart: futureAt(7, 10) }),
      spend(owner, creditId, { scheduledStart: futureAt(8, 10) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = results.find((r) => r.status === 201)!;
    expect((await creditRecord(owner, creditId)).usedLessonId).toBe(winner.body.id);
    const lessons = await api("GET", `/v1/studios/${owner.studio.id}/makeup-credits?studentId=${student.id}&status=used`, { token: owner.accessToken });
    expect(lessons.body.items).toHaveLength(1);
  });

  it("refuses a taken slot with a 409 naming the lesson in the way, and the credit stays available", async () => {
    const owner = await ownerWithStudio();
    const { teacher, student, creditId } = await studentWithCredit(owner);
    const other = await addStudent(owner, { primaryTeacherId: teacher.id });
    const taken = await bookLesson(owner, { teacherId: teacher.id, studentId: other.id, scheduledStart: futureAt(5, 9) });
    const res = await spend(owner, creditId, { scheduledStart: futureAt(5, 9, 30) });
    expect(res.status).toBe(409);
    expect(res.body.conflicts[0]).toMatchObject({ lessonId: taken.body.id, resource: "teacher" });
    expect((await creditRecord(owner, creditId)).status).toBe("available");
    const closed = await scheduleDb()
      .entities.closure.create({
        studioId: owner.studio.id,
        closureId: randomUUID(),
        startDate: utcDate(20),
        endDate: utcDate(21),
        reason: "Inventory",
        createdBy: owner.userId,
      })
      .go();
    expect((await spend(owner, creditId, { scheduledStart: `${closed.data.startDate}T12:00:00Z` })).status).toBe(409);
    const ok = await spend(owner, creditId, { scheduledStart: futureAt(5, 11), teacherId: (await addTeacher(owner)).id, durationMinutes: 60 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.durationMinutes).toBe(60);
    expect(ok.body.studentIds).toEqual([student.id]);
  });

  it("reads a credit past its date as expired at once, and the expiry job stores it once however often it runs", async () => {
    const owner = await ownerWithStudio({ timeZone: "UTC" });
    const { teacher, student } = await studentWithCredit(owner);
    const seed = (creditId: string, expiresOn: string) =>
      scheduleDb()
        .entities.makeupCredit.create({
          studioId: owner.studio.id,
          creditId,
          studentId: student.id,
          sourceLessonId: "old-lesson",
          cancelledBy: "studio",
          reason: "Old",
          term: "2020",
          teacherId: teacher.id,
          durationMinutes: 45,
          issuedAt: "2020-01-01T00:00:00.000Z",
          expiresOn,
          createdBy: owner.userId,
        })
        .go();
    const longAgo = `old-${randomUUID()}`;
    const yesterday = `yesterday-${randomUUID()}`;
    // The job runs at the moment the dates are counted from, even if the test crosses midnight (UTC).
    const today = Date.now();
    const expireJob = expireMakeupCredits(fixedClock(today));
    await seed(longAgo, utcDate(-3, today));
    await seed(yesterday, utcDate(-1, today));
    await scheduleDb()
      .entities.jobCursor.put({ job: "expire-makeup-credits", doneThrough: utcDate(-5, today) })
      .go();

    const expiredList = await list(owner, `?studentId=${student.id}&status=expired`);
    expect(expiredList.body.items.map((c: { id: string }) => c.id).sort()).toEqual([longAgo, yesterday].sort());
    expect((await list(owner, `?studentId=${student.id}&status=available`)).body.items).toHaveLength(1);
    const refused = await spend(owner, yesterday, { scheduledStart: futureAt(6, 12) });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("expired");

    const first = await expireJob();
    expect(first.dates).toEqual([utcDate(-4, today), utcDate(-3, today), utcDate(-2, today)]);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(await creditRecord(owner, longAgo)).toMatchObject({ status: "expired", expiredAt: expect.any(String) });
    // Still spendable somewhere on the planet until the day after tomorrow (UTC): the job leaves it to the read-time rule.
    expect((await creditRecord(owner, yesterday)).status).toBe("available");
    const second = await expireJob();
    expect(second).toEqual({ expired: 0, dates: [] });
    expect(await auditActions(owner.studio.id, "makeupCredit", longAgo)).toEqual(["makeupCredit.expired"]);
  });
});
