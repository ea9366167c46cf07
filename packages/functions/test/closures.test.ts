import { randomUUID } from "node:crypto";
import { scheduleDb } from "@studiosync/core/scheduling";
import { addDays, zonedInstant } from "@studiosync/core/kernel";
import { describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { bookLesson } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, auditActions } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const ZONE = "America/New_York";

/** A local date `days` from today (UTC date; far enough ahead that the zone does not matter). */
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const at = (date: string, time: string) => zonedInstant(date, time, ZONE).toISOString();

async function familyWithGuardian(owner: Owner) {
  const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, {
    token: owner.accessToken,
    body: { name: `Family ${randomUUID().slice(0, 6)}` },
  });
  const email = uniqueEmail("guardian").toLowerCase();
  const guardian = await api("POST", `/v1/studios/${owner.studio.id}/families/${family.body.id}/guardians`, {
    token: owner.accessToken,
    body: { firstName: "Gwen", lastName: "Guardian", relationship: "mother", email },
  });
  expect(guardian.status).toBe(201);
  return { familyId: family.body.id as string, email };
}

async function book(owner: Owner, teacherId: string, studentId: string, scheduledStart: string) {
  const res = await bookLesson(owner, { teacherId, studentId, scheduledStart });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; local: { startTime: string; endTime: string } };
}

const lessonRecord = async (owner: Owner, lessonId: string) => (await scheduleDb().entities.lesson.get({ studioId: owner.studio.id, lessonId }).go()).data!;
const close = (owner: Owner, body: Record<string, unknown>, token = owner.accessToken) =>
  api("POST", `/v1/studios/${owner.studio.id}/closures`, { token, body });

describe("studio closures", () => {
  it("cancels the lessons on its local dates and none outside them, emails each student and family once, and refuses new bookings", async () => {
    const owner = await ownerWithStudio({ timeZone: ZONE });
    const [start, end] = [dateIn(20), dateIn(21)];
    const teacher = await addTeacher(owner);
    const f = await familyWithGuardian(owner);
    const g = await familyWithGuardian(owner);
    const s1Email = uniqueEmail("student").toLowerCase();
    const s1 = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: f.familyId, email: s1Email, firstName: "Ann" });
    const s2 = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: f.familyId, firstName: "Ben" });
    const s3 = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: g.familyId, firstName: "Cat" });

    // 22:00 the evening before is already the first closed date in UTC, but not on the studio's clock.
    const before = await book(owner, teacher.id, s1.id, at(addDays(start, -1), "22:00"));
    const first = await book(owner, teacher.id, s1.id, at(start, "10:00"));
    const other = await book(owner, teacher.id, s3.id, at(start, "12:00"));
    const late = await book(owner, teacher.id, s2.id, at(end, "23:00"));
    const after = await book(owner, teacher.id, s1.id, at(addDays(end, 1), "09:00"));

    const res = await close(owner, { startDate: start, endDate: end, reason: "Inventory" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ startDate: start, endDate: end, reason: "Inventory", cancelledLessonCount: 3 });
    expect(res.body.cancelledLessonIds.sort()).toEqual([first.id, other.id, late.id].sort());
    for (const id of [first.id, other.id, late.id]) {
      expect(await lessonRecord(owner, id)).toMatchObject({
        status: "cancelled",
        cancellation: {
          by: "studio",
          reason: "Studio closed: Inventory",
          outcome: "credit_issued",
          explanation: "credit issued: studio closed",
          closureId: res.body.id,
        },
      });
    }
    for (const id of [before.id, after.id]) expect((await lessonRecord(owner, id)).status).toBe("scheduled");
    const credits = await api("GET", `/v1/studios/${owner.studio.id}/makeup-credits?studentId=${s1.id}`, { token: owner.accessToken });
    expect(credits.body.items).toEqual([expect.objectContaining({ sourceLessonId: first.id, reason: "Studio closed: Inventory", status: "available" })]);
    expect(await auditActions(owner.studio.id, "closure", res.body.id)).toEqual(["closure.created"]);

    // Sending it again resumes the same closure: nothing cancelled or emailed twice.
    const again = await close(owner, { startDate: start, endDate: end, reason: "Inventory" });
    expect(again.body).toMatchObject({ id: res.body.id, cancelledLessonCount: 3 });

    const [family] = await readMail(f.email, { subject: "is closed" });
    expect(family!.body.text).toContain(`${first.local.startTime}–${first.local.endTime} (America/New_York): Ann`);
    expect(family!.body.text).toContain(`${late.local.startTime}–${late.local.endTime} (America/New_York): Ben`);
    expect(family!.body.text).toContain("credit issued: studio closed");
    expect(family!.body.text).not.toContain("Cat");
    expect(family!.body.text).toContain(`/${owner.studio.slug}`);
    expect(family!.body.text).not.toContain("/dashboard");
    const [student] = await readMail(s1Email, { subject: "is closed" });
    expect(student!.body.text).toContain("10:00–10:45 (America/New_York): Ann");
    expect(student!.body.text).not.toContain("Ben");
    const [otherFamily] = await readMail(g.email, { subject: "is closed" });
    expect(otherFamily!.body.text).toContain("12:00–12:45 (America/New_York): Cat");
    for (const address of [f.email, s1Email, g.email]) expect(await readMail(address, { subject: "is closed", timeoutMs: 500 })).toHaveLength(1);

    const refused = await bookLesson(owner, { teacherId: teacher.id, studentId: s3.id, scheduledStart: at(end, "15:00") });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("Inventory");
  });

  it("cancels a busy day in several transactions", async () => {
    const owner = await ownerWithStudio({ timeZone: ZONE });
    const day = dateIn(30);
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const ids: string[] = [];
    for (let hour = 6; hour < 22; hour++) ids.push((await book(owner, teacher.id, student.id, at(day, `${String(hour).padStart(2, "0")}:00`))).id);
    const res = await close(owner, { startDate: day, endDate: day, reason: "Power cut" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.cancelledLessonIds.sort()).toEqual([...ids].sort());
    const credits = await api("GET", `/v1/studios/${owner.studio.id}/makeup-credits?studentId=${student.id}&limit=100`, { token: owner.accessToken });
    expect(credits.body.items).toHaveLength(ids.length);
  });

  it("lists upcoming closures to every member, and an admin's delete reopens the dates without un-cancelling lessons", async () => {
    const owner = await ownerWithStudio({ timeZone: ZONE });
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id });
    const day = dateIn(40);
    const lesson = await book(owner, teacher.id, student.id, at(day, "09:00"));
    const closure = (await close(owner, { startDate: day, endDate: day, reason: "Staff training" })).body;
    const later = (await close(owner, { startDate: dateIn(60), endDate: dateIn(62), reason: "Holiday" })).body;
    const member = await memberWithRole(owner, "student", { studentId: student.id });

    const listed = await api("GET", `/v1/studios/${owner.studio.id}/closures`, { token: member.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([closure.id, later.id]);
    const fromLater = await api("GET", `/v1/studios/${owner.studio.id}/closures?from=${dateIn(50)}`, { token: owner.accessToken });
    expect(fromLater.body.items.map((c: { id: string }) => c.id)).toEqual([later.id]);

    expect((await api("DELETE", `/v1/studios/${owner.studio.id}/closures/${closure.id}`, { token: member.accessToken })).status).toBe(403);
    expect((await api("DELETE", `/v1/studios/${owner.studio.id}/closures/${closure.id}`, { token: owner.accessToken })).status).toBe(204);
    expect((await api("DELETE", `/v1/studios/${owner.studio.id}/closures/${closure.id}`, { token: owner.accessToken })).status).toBe(404);
    const afterDelete = await api("GET", `/v1/studios/${owner.studio.id}/closures`, { token: owner.accessToken });
    expect(afterDelete.body.items.map((c: { id: string }) => c.id)).toEqual([later.id]);
    expect((await lessonRecord(owner, lesson.id)).status).toBe("cancelled");
    expect((await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: at(day, "09:00") })).status).toBe(201);
    expect(await auditActions(owner.studio.id, "closure", closure.id)).toEqual(["closure.created", "closure.deleted"]);
  });

  it("names bad fields and lets only admins close the studio", async () => {
    const owner = await ownerWithStudio({ timeZone: ZONE });
    const teacher = await memberWithRole(owner, "teacher");
    expect((await close(owner, { startDate: dateIn(5), endDate: dateIn(6), reason: "x" }, teacher.accessToken)).status).toBe(403);
    const backwards = await close(owner, { startDate: dateIn(6), endDate: dateIn(5), reason: "x" });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ path: "endDate" })]);
    const past = await close(owner, { startDate: dateIn(-10), endDate: dateIn(-8), reason: "x" });
    expect(past.body.errors).toEqual([expect.objectContaining({ path: "endDate", message: "must not be in the past" })]);
    const missing = await close(owner, { startDate: "2027-02-30", endDate: dateIn(5) });
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["reason", "startDate"]);
    const other = await ownerWithStudio();
    expect((await close(other, { startDate: dateIn(5), endDate: dateIn(6), reason: "x" }, owner.accessToken)).status).toBe(404);
  });
});
