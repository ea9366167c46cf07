import { randomUUID } from "node:crypto";
import { loadRateTables, rateForLesson } from "@studiosync/core/billing";
import { localParts } from "@studiosync/core/kernel";
import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, auditActions, paths } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const plansPath = (owner: Owner, rest = "") => `/v1/studios/${owner.studio.id}/fee-plans${rest}`;
async function createPlan(owner: Owner, body: Record<string, unknown>) {
  const res = await api("POST", plansPath(owner), { token: owner.accessToken, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string } & Record<string, unknown>;
}
const enrol = (owner: Owner, planId: string, body: Record<string, unknown>, token = owner.accessToken) =>
  api("POST", plansPath(owner, `/${planId}/enrolments`), { token, body });

const perLesson = { name: "Sibling rate", kind: "per_lesson", amountMinor: 2250 };
const monthly = { name: "Monthly unlimited", kind: "monthly", amountMinor: 12000, description: "Every lesson of the month" };
const spring = { name: "Spring term", kind: "term", amountMinor: 30000, termStart: "2027-01-04", termEnd: "2027-03-28", lessonCount: 12 };
const summer = { name: "Summer term", kind: "term", amountMinor: 28000, termStart: "2027-04-12", termEnd: "2027-07-18", lessonCount: 12 };

describe("fee plans", () => {
  it("adds per-lesson, monthly and term plans (admins), lists them to every member, and audits each change", async () => {
    const owner = await ownerWithStudio({ currency: "GBP" });
    const lesson = await createPlan(owner, perLesson);
    expect(lesson).toMatchObject({
      name: "Sibling rate",
      kind: "per_lesson",
      amountMinor: 2250,
      currency: "GBP",
      description: null,
      termStart: null,
      termEnd: null,
      lessonCount: null,
      isActive: true,
    });
    const month = await createPlan(owner, monthly);
    const term = await createPlan(owner, spring);
    expect(term).toMatchObject({ kind: "term", termStart: "2027-01-04", termEnd: "2027-03-28", lessonCount: 12 });

    const student = await memberWithRole(owner, "student");
    const listed = await api("GET", plansPath(owner), { token: student.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { name: string }) => p.name)).toEqual(["Monthly unlimited", "Sibling rate", "Spring term"]);
    // updatedAt is stamped by the table layer at write time: compare the rest.
    expect((await api("GET", plansPath(owner, `/${month.id}`), { token: student.accessToken })).body).toEqual({ ...month, updatedAt: expect.any(String) });

    const archived = await api("PATCH", plansPath(owner, `/${month.id}`), {
      token: owner.accessToken,
      body: { isActive: false, amountMinor: 12500, description: null },
    });
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(archived.body).toMatchObject({ isActive: false, amountMinor: 12500, description: null, kind: "monthly" });
    const all = await api("GET", plansPath(owner), { token: owner.accessToken });
    expect(all.body.items.map((p: { name: string }) => p.name)).toEqual(["Sibling rate", "Spring term", "Monthly unlimited"]);
    const active = await api("GET", plansPath(owner, "?active=true&kind=term"), { token: owner.accessToken });
    expect(active.body.items.map((p: { id: string }) => p.id)).toEqual([term.id]);
    const inactive = await api("GET", plansPath(owner, "?active=false"), { token: owner.accessToken });
    expect(inactive.body.items.map((p: { id: string }) => p.id)).toEqual([month.id]);

    const moved = await api("PATCH", plansPath(owner, `/${term.id}`), { token: owner.accessToken, body: { termEnd: "2027-03-31", lessonCount: null } });
    expect(moved.body).toMatchObject({ termStart: "2027-01-04", termEnd: "2027-03-31", lessonCount: null });

    expect((await api("DELETE", plansPath(owner, `/${lesson.id}`), { token: owner.accessToken })).status).toBe(204);
    expect((await api("GET", plansPath(owner, `/${lesson.id}`), { token: owner.accessToken })).status).toBe(404);
    expect((await api("DELETE", plansPath(owner, `/${lesson.id}`), { token: owner.accessToken })).status).toBe(404);
    expect(await auditActions(owner.studio.id, "feePlan", lesson.id)).toEqual(["feePlan.created", "feePlan.deleted"]);
    expect(await auditActions(owner.studio.id, "feePlan", month.id)).toEqual(["feePlan.created", "feePlan.updated"]);
  });

  it("names bad fields, keeps a plan's kind, and lets only admins change plans", async () => {
    const owner = await ownerWithStudio();
    const noTerm = await api("POST", plansPath(owner), { token: owner.accessToken, body: { name: "Term", kind: "term", amountMinor: 100 } });
    expect(noTerm.status).toBe(422);
    expect(paths(noTerm)).toEqual(["termEnd", "termStart"]);
    const misplaced = await api("POST", plansPath(owner), { token: owner.accessToken, body: { ...perLesson, termStart: "2027-01-01", lessonCount: 3 } });
    expect(misplaced.body.errors).toEqual([
      { path: "termStart", message: "is only for term plans" },
      { path: "lessonCount", message: "is only for term plans" },
    ]);
    const backwards = await api("POST", plansPath(owner), { token: owner.accessToken, body: { ...spring, termEnd: "2026-12-31" } });
    expect(backwards.body.errors).toEqual([{ path: "termEnd", message: "must be on or after termStart" }]);
    const bad = await api("POST", plansPath(owner), { token: owner.accessToken, body: { name: " ", kind: "weekly", amountMinor: -1 } });
    expect(paths(bad)).toEqual(["amountMinor", "kind", "name"]);
    const fraction = await api("POST", plansPath(owner), { token: owner.accessToken, body: { ...perLesson, amountMinor: 22.5 } });
    expect(fraction.body.errors).toEqual([{ path: "amountMinor", message: "must be a whole number of minor units" }]);

    const plan = await createPlan(owner, perLesson);
    const kind = await api("PATCH", plansPath(owner, `/${plan.id}`), { token: owner.accessToken, body: { kind: "monthly" } });
    expect(kind.body.errors).toEqual([{ path: "kind", message: "is not a known field" }]);
    const term = await api("PATCH", plansPath(owner, `/${plan.id}`), { token: owner.accessToken, body: { termEnd: "2027-01-01" } });
    expect(term.body.errors).toEqual([{ path: "termEnd", message: "is only for term plans" }]);
    const springPlan = await createPlan(owner, spring);
    const before = await api("PATCH", plansPath(owner, `/${springPlan.id}`), { token: owner.accessToken, body: { termStart: "2027-04-01" } });
    expect(before.body.errors).toEqual([{ path: "termStart", message: "must keep termEnd on or after termStart" }]);

    const teacher = await memberWithRole(owner, "teacher");
    expect((await api("POST", plansPath(owner), { token: teacher.accessToken, body: perLesson })).status).toBe(403);
    expect((await api("PATCH", plansPath(owner, `/${plan.id}`), { token: teacher.accessToken, body: { amountMinor: 1 } })).status).toBe(403);
    expect((await api("DELETE", plansPath(owner, `/${plan.id}`), { token: teacher.accessToken })).status).toBe(403);
    const other = await ownerWithStudio();
    expect((await api("GET", plansPath(owner, `/${plan.id}`), { token: other.accessToken })).status).toBe(404);
    expect((await api("GET", plansPath(other, `/${plan.id}`), { token: other.accessToken })).status).toBe(404);
    expect((await api("GET", plansPath(owner, `/${plan.id}`), { token: owner.accessToken })).body.amountMinor).toBe(2250);
  });

  it("enrols a student in at most one plan of each kind on any date, with terms counted within their term", async () => {
    const owner = await ownerWithStudio();
    const student = await addStudent(owner);
    const [rate, otherRate, month, springPlan, summerPlan] = [
      await createPlan(owner, perLesson),
      await createPlan(owner, { ...perLesson, name: "Staff rate", amountMinor: 1000 }),
      await createPlan(owner, monthly),
      await createPlan(owner, spring),
      await createPlan(owner, summer),
    ];

    const first = await enrol(owner, rate.id, { studentId: student.id, startDate: "2027-01-01", endDate: "2027-06-30" });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ feePlanId: rate.id, studentId: student.id, startDate: "2027-01-01", endDate: "2027-06-30" });
    const again = await enrol(owner, rate.id, { studentId: student.id, startDate: "2028-01-01" });
    expect(again.status).toBe(409);
    const clash = await enrol(owner, otherRate.id, { studentId: student.id, startDate: "2027-06-30" });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain("“Sibling rate”");
    expect((await enrol(owner, otherRate.id, { studentId: student.id, startDate: "2027-07-01" })).status).toBe(201);
    // A monthly plan beside a per-lesson plan is fine: different kinds.
    expect((await enrol(owner, month.id, { studentId: student.id, startDate: "2027-02-01" })).status).toBe(201);

    // Open-ended enrolments in consecutive terms do not clash: each counts only within its term.
    expect((await enrol(owner, springPlan.id, { studentId: student.id, startDate: "2027-01-01" })).status).toBe(201);
    expect((await enrol(owner, summerPlan.id, { studentId: student.id, startDate: "2027-01-01" })).status).toBe(201);
    const outside = await enrol(owner, springPlan.id, { studentId: (await addStudent(owner)).id, startDate: "2027-04-01" });
    expect(outside.body.errors).toEqual([{ path: "startDate", message: "must be on or before the term's last day (2027-03-28)" }]);

    // Moving the first enrolment's end into the second's dates is refused; ending it earlier is fine.
    const path = plansPath(owner, `/${otherRate.id}/enrolments/${student.id}`);
    expect((await api("PATCH", path, { token: owner.accessToken, body: { startDate: "2027-06-01" } })).status).toBe(409);
    const ended = await api("PATCH", plansPath(owner, `/${rate.id}/enrolments/${student.id}`), { token: owner.accessToken, body: { endDate: "2027-03-31" } });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ startDate: "2027-01-01", endDate: "2027-03-31" });
    expect((await api("PATCH", path, { token: owner.accessToken, body: { startDate: "2027-04-01" } })).body).toMatchObject({
      startDate: "2027-04-01",
      endDate: null,
    });
    const reopened = await api("PATCH", plansPath(owner, `/${rate.id}/enrolments/${student.id}`), { token: owner.accessToken, body: { endDate: null } });
    expect(reopened.status).toBe(409);
    const backwards = await api("PATCH", path, { token: owner.accessToken, body: { startDate: "2027-05-01", endDate: "2027-04-30" } });
    expect(backwards.body.errors).toEqual([{ path: "endDate", message: "must be on or after startDate" }]);

    // Unknown students, archived plans, and plans with enrolments.
    const unknown = await enrol(owner, rate.id, { studentId: randomUUID(), startDate: "2027-01-01" });
    expect(unknown.body.errors).toEqual([{ path: "studentId", message: "is not a student of this studio" }]);
    await api("PATCH", plansPath(owner, `/${month.id}`), { token: owner.accessToken, body: { isActive: false } });
    expect((await enrol(owner, month.id, { studentId: (await addStudent(owner)).id, startDate: "2027-01-01" })).status).toBe(409);
    expect((await api("DELETE", plansPath(owner, `/${rate.id}`), { token: owner.accessToken })).status).toBe(409);
    expect((await api("DELETE", plansPath(owner, `/${rate.id}/enrolments/${student.id}`), { token: owner.accessToken })).status).toBe(204);
    expect((await api("DELETE", plansPath(owner, `/${rate.id}/enrolments/${student.id}`), { token: owner.accessToken })).status).toBe(404);
    expect((await api("DELETE", plansPath(owner, `/${rate.id}`), { token: owner.accessToken })).status).toBe(204);
    expect(await auditActions(owner.studio.id, "feePlanEnrolment", `${rate.id}:${student.id}`)).toEqual([
      "feePlanEnrolment.created",
      "feePlanEnrolment.updated",
      "feePlanEnrolment.deleted",
    ]);
  });

  it("shows a plan's enrolments to admins in full and to others only for the students they may see", async () => {
    const owner = await ownerWithStudio();
    const teacherA = await addTeacher(owner);
    const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "Enrolled family" } });
    const s1 = await addStudent(owner, { primaryTeacherId: teacherA.id, familyId: family.body.id });
    const s2 = await addStudent(owner);
    const plan = await createPlan(owner, monthly);
    for (const s of [s1, s2]) expect((await enrol(owner, plan.id, { studentId: s.id, startDate: "2027-01-01" })).status).toBe(201);

    const listFor = async (token: string) => {
      const res = await api("GET", plansPath(owner, `/${plan.id}/enrolments`), { token });
      expect(res.status).toBe(200);
      return (res.body.items as { studentId: string }[]).map((e) => e.studentId).sort();
    };
    const teacher = await memberWithRole(owner, "teacher", { teacherId: teacherA.id });
    const otherTeacher = await memberWithRole(owner, "teacher", { teacherId: (await addTeacher(owner)).id });
    const parent = await memberWithRole(owner, "parent", { familyId: family.body.id });
    const self = await memberWithRole(owner, "student", { studentId: s2.id });
    expect(await listFor(owner.accessToken)).toEqual([s1.id, s2.id].sort());
    expect(await listFor(teacher.accessToken)).toEqual([s1.id]);
    expect(await listFor(otherTeacher.accessToken)).toEqual([]);
    expect(await listFor(parent.accessToken)).toEqual([s1.id]);
    expect(await listFor(self.accessToken)).toEqual([s2.id]);
    expect((await enrol(owner, plan.id, { studentId: s2.id, startDate: "2028-01-01" }, teacher.accessToken)).status).toBe(403);
    const page = await api("GET", plansPath(owner, `/${plan.id}/enrolments?limit=1`), { token: owner.accessToken });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });

  it("gives the billing run each lesson's rate from the studio's plans, the teacher's rate and the studio's default", async () => {
    const owner = await ownerWithStudio({ timeZone: "America/New_York" });
    const teacher = await addTeacher(owner, { hourlyRateMinor: 6000 });
    const [onRate, onMonth, plain] = [await addStudent(owner), await addStudent(owner), await addStudent(owner)];
    const rate = await createPlan(owner, perLesson);
    const month = await createPlan(owner, monthly);
    const today = localParts(new Date(), "America/New_York").date;
    expect((await enrol(owner, rate.id, { studentId: onRate.id, startDate: today })).status).toBe(201);
    expect((await enrol(owner, month.id, { studentId: onMonth.id, startDate: today })).status).toBe(201);

    const tables = await loadRateTables(owner.studio.id);
    expect(tables.plans.size).toBe(2);
    expect(tables.enrolments).toHaveLength(2);
    const rates: Record<string, unknown> = {};
    for (const [i, [name, student]] of Object.entries({ onRate, onMonth, plain }).entries()) {
      const booked = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(10, 14 + 2 * i), durationMinutes: 45 });
      expect(booked.status, JSON.stringify(booked.body)).toBe(201);
      rates[name] = rateForLesson({
        ...tables,
        teacher: { hourlyRateMinor: 6000 },
        settings: {},
        lesson: booked.body,
        studentId: student.id,
        timeZone: "America/New_York",
      });
    }
    expect(rates).toEqual({
      onRate: { kind: "per_lesson", unitPriceMinor: 2250, description: "Fee plan “Sibling rate”", source: "plan", feePlanId: rate.id },
      onMonth: { kind: "covered", by: expect.objectContaining({ feePlanId: month.id, kind: "monthly", amountMinor: 12000 }) },
      plain: { kind: "per_lesson", unitPriceMinor: 4500, description: "Teacher's hourly rate, 45 min", source: "teacher" },
    });
  });
});
