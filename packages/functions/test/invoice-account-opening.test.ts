import { describe, expect, it } from "vitest";
import { uniqueEmail } from "./support/api";
import { accountRecord, billingWorld, draftInvoice, LESSON_LINE, postInvoice } from "./support/billing";
import { bookLesson, futureAt } from "./support/lessons";
import { addStudent, addTeacher, auditActions } from "./support/people";

describe("issue 10 #26: POST /invoices with `account` checks everything before it opens the account", () => {
  it("leaves no account behind when the invoice is refused, and opens it with the invoice in one write", async () => {
    const w = await billingWorld();
    const solo = await addStudent(w.owner, { firstName: "Solo", email: uniqueEmail("solo").toLowerCase() });
    const party = { kind: "student" as const, partyId: solo.id };
    const teacher = await addTeacher(w.owner);
    const lesson = await bookLesson(w.owner, { teacherId: teacher.id, studentId: (await addStudent(w.owner)).id, scheduledStart: futureAt(4, 15) });
    expect(lesson.status).toBe(201);

    const refused = [
      { body: { account: party, lines: [LESSON_LINE], dueDate: "2020-01-01" }, status: 422, path: "dueDate" },
      { body: { account: party, lines: [{ ...LESSON_LINE, lessonId: "no-such-lesson" }] }, status: 422, path: "lines.0.lessonId" },
      { body: { account: party, lines: [{ ...LESSON_LINE, lessonId: lesson.body.id, studentId: solo.id }] }, status: 422, path: "lines.0.studentId" },
      { body: { account: party, lines: [{ ...LESSON_LINE, unitPriceMinor: -6000 }] }, status: 422, path: "lines" },
    ];
    for (const { body, status, path } of refused) {
      const res = await postInvoice(w.owner, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await accountRecord(w.studioId, solo.id)).toBeNull();
    }
    expect(await auditActions(w.studioId, "billingAccount", solo.id)).toEqual([]);

    // Billing a lesson another invoice holds is a 409, also without an account left behind.
    const held = { ...LESSON_LINE, lessonId: lesson.body.id };
    await draftInvoice(w.owner, w.familyId, [held]);
    const taken = await postInvoice(w.owner, { account: party, lines: [held] });
    expect(taken.status).toBe(409);
    expect(await accountRecord(w.studioId, solo.id)).toBeNull();

    const draft = await draftInvoice(w.owner, party);
    expect(draft.accountId).toBe(solo.id);
    expect(await accountRecord(w.studioId, solo.id)).toMatchObject({ kind: "student", name: `Solo ${solo.lastName}`, balanceMinor: 0, revision: 0 });
    expect(await auditActions(w.studioId, "billingAccount", solo.id)).toEqual(["billingAccount.created"]);
    // The next invoice finds the account open and opens nothing.
    expect((await draftInvoice(w.owner, party)).accountId).toBe(solo.id);
    expect(await auditActions(w.studioId, "billingAccount", solo.id)).toEqual(["billingAccount.created"]);
  });
});
