import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, auditActions } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const HOUR = 3_600_000;

/** An instant `hours` (plus half an hour, so whole-hour notice is stable while the test runs) from now. */
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR + 30 * 60_000).toISOString();

/** A family with a guardian who has their own address, and a student in it (with an address) taught by a new teacher. */
async function familyStudent(owner: Owner) {
  const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, {
    token: owner.accessToken,
    body: { name: `Family ${randomUUID().slice(0, 6)}` },
  });
  expect(family.status).toBe(201);
  const guardianEmail = uniqueEmail("guardian").toLowerCase();
  const guardian = await api("POST", `/v1/studios/${owner.studio.id}/families/${family.body.id}/guardians`, {
    token: owner.accessToken,
    body: { firstName: "Gwen", lastName: "Guardian", relationship: "mother", email: guardianEmail },
  });
  expect(guardian.status).toBe(201);
  const teacher = await addTeacher(owner);
  const studentEmail = uniqueEmail("student").toLowerCase();
  const student = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: family.body.id, email: studentEmail });
  return { teacher, student, familyId: family.body.id as string, guardianId: guardian.body.id as string, guardianEmail, studentEmail };
}

async function book(owner: Owner, teacherId: string, studentId: string, scheduledStart: string) {
  const res = await bookLesson(owner, { teacherId, studentId, scheduledStart });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; scheduledStart: string; local: { startTime: string; endTime: string } };
}

const cancel = (owner: Owner, lessonId: string, body: Record<string, unknown>, token = owner.accessToken) =>
  api("POST", `/v1/studios/${owner.studio.id}/lessons/${lessonId}/cancel`, { token, body });

const credits = (owner: Owner, studentId: string, token = owner.accessToken, status?: string) =>
  api("GET", `/v1/studios/${owner.studio.id}/makeup-credits?studentId=${studentId}${status ? `&status=${status}` : ""}`, { token });

describe("cancellation policy", () => {
  it("reads the defaults, lets admins replace it with field errors for bad values, and audits the change", async () => {
    const owner = await ownerWithStudio();
    const base = `/v1/studios/${owner.studio.id}/cancellation-policy`;
    const teacher = await memberWithRole(owner, "teacher");
    const defaults = await api("GET", base, { token: teacher.accessToken });
    expect(defaults.status).toBe(200);
    expect(defaults.body).toEqual({
      noticeHours: 24,
      issueMakeupCredit: true,
      maxCreditsPerTerm: 3,
      termLength: "quarter",
      creditExpiryDays: 90,
      reminderLeadHours: 24,
      horizonWeeks: 12,
      offerFreedSlots: true,
      updatedAt: null,
    });

    const policy = { ...defaults.body, noticeHours: 48, maxCreditsPerTerm: null, termLength: "month" };
    delete policy.updatedAt;
    expect((await api("PUT", base, { token: teacher.accessToken, body: policy })).status).toBe(403);
    const put = await api("PUT", base, { token: owner.accessToken, body: policy });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ noticeHours: 48, maxCreditsPerTerm: null, termLength: "month" });
    const read = await api("GET", base, { token: teacher.accessToken });
    expect(read.body).toMatchObject({ noticeHours: 48, maxCreditsPerTerm: null, termLength: "month", creditExpiryDays: 90 });
    expect(read.body.updatedAt).toEqual(expect.any(String));
    expect(await auditActions(owner.studio.id, "cancellationPolicy", owner.studio.id)).toEqual(["cancellationPolicy.updated"]);

    const bad = await api("PUT", base, {
      token: owner.accessToken,
      body: { ...policy, noticeHours: -1, creditExpiryDays: 1.5, termLength: "week", horizonWeeks: undefined },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["creditExpiryDays", "horizonWeeks", "noticeHours", "termLength"]);
    const other = await ownerWithStudio();
    expect((await api("GET", base, { token: other.accessToken })).status).toBe(404);
  });
});

describe("cancelling a lesson", () => {
  it("issues a credit to a student who cancels with enough notice, frees the slot and emails the student and the family", async () => {
    const owner = await ownerWithStudio({ timeZone: "America/New_York" });
    const { teacher, student, studentEmail, guardianEmail } = await familyStudent(owner);
    const lesson = await book(owner, teacher.id, student.id, inHours(52));
    const studentMember = await memberWithRole(owner, "student", { studentId: student.id });

    const res = await cancel(owner, lesson.id, { reason: "School trip", by: "studio" }, studentMember.accessToken);
    expect(res.status).toBe(403); // students cancel only as the student
    const ok = await cancel(owner, lesson.id, { reason: "School trip" }, studentMember.accessToken);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({
      id: lesson.id,
      status: "cancelled",
      cancellation: {
        by: "student",
        reason: "School trip",
        noticeHours: 52,
        outcome: "credit_issued",
        explanation: "credit issued: 52 h notice",
        actorId: studentMember.userId,
      },
    });
    const creditId = ok.body.cancellation.creditId;
    const list = await credits(owner, student.id);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: creditId,
        status: "available",
        sourceLessonId: lesson.id,
        cancelledBy: "student",
        teacherId: teacher.id,
        durationMinutes: 45,
      }),
    ]);

    // The slot is free again, and the lesson cannot be cancelled twice.
    expect((await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: lesson.scheduledStart })).status).toBe(201);
    expect((await cancel(owner, lesson.id, { reason: "Again" })).status).toBe(409);
    expect(await auditActions(owner.studio.id, "lesson", lesson.id)).toEqual(["lesson.created", "lesson.cancelled"]);

    for (const address of [studentEmail, guardianEmail]) {
      const [mail] = await readMail(address, { subject: "Lesson cancelled" });
      expect(mail!.body.text).toContain("credit issued: 52 h notice");
      expect(mail!.body.text).toContain(`${lesson.local.startTime}–${lesson.local.endTime} (America/New_York)`);
      expect(mail!.body.text).toContain("Reason: School trip");
      // Issue 12: each recipient gets their own signed link to book the make-up, never a staff page.
      expect(mail!.body.text).toContain("Book the make-up lesson yourself");
      expect(mail!.body.text).toContain(`Book your make-up: http://127.0.0.1:4321/${owner.studio.slug}/act/makeup/`);
      expect(mail!.body.text).not.toContain("/dashboard");
    }
  });

  it("issues no credit on short notice and says why", async () => {
    const owner = await ownerWithStudio({ timeZone: "Europe/London" });
    const { teacher, student, guardianEmail } = await familyStudent(owner);
    const lesson = await book(owner, teacher.id, student.id, inHours(5));
    const res = await cancel(owner, lesson.id, { reason: "Family called in sick", by: "student" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.cancellation).toMatchObject({
      by: "student",
      outcome: "no_credit",
      explanation: "no credit: 5 h notice, the policy asks for 24 h",
      noticeHours: 5,
    });
    expect(res.body.cancellation.creditId).toBeUndefined();
    expect((await credits(owner, student.id)).body.items).toEqual([]);
    const [mail] = await readMail(guardianEmail, { subject: "Lesson cancelled" });
    expect(mail!.body.text).toContain("no credit: 5 h notice, the policy asks for 24 h");
    expect(mail!.body.text).toContain("No make-up credit was issued");
  });

  it("stops issuing credits once the student's own cancellations reached the term's maximum, but the studio's still earn one", async () => {
    const owner = await ownerWithStudio();
    await api("PUT", `/v1/studios/${owner.studio.id}/cancellation-policy`, {
      token: owner.accessToken,
      body: {
        noticeHours: 24,
        issueMakeupCredit: true,
        maxCreditsPerTerm: 2,
        termLength: "year",
        creditExpiryDays: 30,
        reminderLeadHours: 24,
        horizonWeeks: 12,
      },
    });
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const lessons = [];
    for (let day = 3; day <= 6; day++) lessons.push(await book(owner, teacher.id, student.id, futureAt(day, 15)));

    const outcomes = [];
    for (const lesson of lessons.slice(0, 3)) outcomes.push((await cancel(owner, lesson.id, { reason: "Away", by: "student" })).body.cancellation);
    expect(outcomes.map((c) => c.outcome)).toEqual(["credit_issued", "credit_issued", "no_credit"]);
    expect(outcomes[2].explanation).toBe("no credit: 2 of 2 credits this term already issued");

    const studio = await cancel(owner, lessons[3]!.id, { reason: "Teacher ill" });
    expect(studio.body.cancellation).toMatchObject({ by: "studio", outcome: "credit_issued", explanation: "credit issued: studio cancelled" });
    const list = await credits(owner, student.id);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items[0]).toMatchObject({ cancelledBy: "studio", term: String(new Date().getUTCFullYear()) });
  });

  it("gives the term's last credit to only one of two cancellations racing for it", async () => {
    const owner = await ownerWithStudio();
    await api("PUT", `/v1/studios/${owner.studio.id}/cancellation-policy`, {
      token: owner.accessToken,
      body: {
        noticeHours: 24,
        issueMakeupCredit: true,
        maxCreditsPerTerm: 1,
        termLength: "year",
        creditExpiryDays: 30,
        reminderLeadHours: 24,
        horizonWeeks: 12,
      },
    });
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const [a, b] = [await book(owner, teacher.id, student.id, futureAt(3, 10)), await book(owner, teacher.id, student.id, futureAt(5, 10))];
    const results = await Promise.all([a, b].map((l) => cancel(owner, l.id, { reason: "Away", by: "student" })));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const [won, lost] = results.map((r) => r.body.cancellation.explanation as string).sort();
    expect(won).toMatch(/^credit issued: \d+ h notice$/);
    expect(lost).toBe("no credit: 1 of 1 credits this term already issued");
    expect((await credits(owner, student.id)).body.items).toHaveLength(1);
  });

  it("lets the lesson's teacher cancel for the studio, and a parent cancel their own child's lesson only", async () => {
    const owner = await ownerWithStudio();
    const { teacher, student, familyId, guardianId } = await familyStudent(owner);
    const teacherMember = await memberWithRole(owner, "teacher", { teacherId: teacher.id });
    const otherTeacher = await memberWithRole(owner, "teacher", { teacherId: (await addTeacher(owner)).id });
    const parent = await memberWithRole(owner, "parent", { familyId, guardianId });
    const other = await familyStudent(owner);
    const otherParent = await memberWithRole(owner, "parent", { familyId: other.familyId, guardianId: other.guardianId });

    const first = await book(owner, teacher.id, student.id, futureAt(8, 14));
    expect((await cancel(owner, first.id, { reason: "Not mine" }, otherParent.accessToken)).status).toBe(404);
    expect((await cancel(owner, first.id, { reason: "Not mine" }, otherTeacher.accessToken)).status).toBe(404);
    const byParent = await cancel(owner, first.id, { reason: "Holiday" }, parent.accessToken);
    expect(byParent.status, JSON.stringify(byParent.body)).toBe(200);
    expect(byParent.body.cancellation).toMatchObject({ by: "student", outcome: "credit_issued", actorId: parent.userId });

    const second = await book(owner, teacher.id, student.id, futureAt(9, 14));
    const byTeacher = await cancel(owner, second.id, { reason: "Concert rehearsal" }, teacherMember.accessToken);
    expect(byTeacher.status).toBe(200);
    expect(byTeacher.body.cancellation).toMatchObject({ by: "studio", explanation: "credit issued: studio cancelled" });

    const outsider = await ownerWithStudio();
    expect((await cancel(owner, second.id, { reason: "x" }, outsider.accessToken)).status).toBe(404);
  });

  it("gives each student of a band lesson a credit when the studio cancels it, and refuses bad requests", async () => {
    const owner = await ownerWithStudio();
    const teacher = await addTeacher(owner);
    const [a, b] = await Promise.all([addStudent(owner), addStudent(owner)]);
    const band = await api("POST", `/v1/studios/${owner.studio.id}/bands`, { token: owner.accessToken, body: { name: "The Rests" } });
    for (const s of [a, b]) await api("PUT", `/v1/studios/${owner.studio.id}/bands/${band.body.id}/members/${s.id}`, { token: owner.accessToken });
    const lesson = await bookLesson(owner, { teacherId: teacher.id, bandId: band.body.id, type: "ensemble", scheduledStart: futureAt(10, 18) });
    expect(lesson.status).toBe(201);

    expect((await cancel(owner, lesson.body.id, {})).body.errors).toEqual([expect.objectContaining({ path: "reason" })]);
    const asStudent = await cancel(owner, lesson.body.id, { reason: "x", by: "student" });
    expect(asStudent.status).toBe(422);
    expect(asStudent.body.errors[0].path).toBe("by");
    const member = await memberWithRole(owner, "student", { studentId: a.id });
    expect((await cancel(owner, lesson.body.id, { reason: "x" }, member.accessToken)).status).toBe(403);

    const res = await cancel(owner, lesson.body.id, { reason: "Teacher ill" });
    expect(res.status).toBe(200);
    for (const s of [a, b])
      expect((await credits(owner, s.id)).body.items).toEqual([expect.objectContaining({ sourceLessonId: lesson.body.id, status: "available" })]);
    expect((await cancel(owner, "no-such-lesson", { reason: "x" })).status).toBe(404);
  });
});
