import { randomUUID } from "node:crypto";
import { billingDb, issueAndSendInvoice, readInvoiceToken } from "@studiosync/core/billing";
import { addDays } from "@studiosync/core/kernel";
import { describe, expect, it } from "vitest";
import { extractLink, readMail } from "@studiosync/local/testing";
import { api, dbCost, ownerWithStudio, uniqueEmail } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, auditActions, paths } from "./support/people";
import {
  billingWorld,
  draftInvoice,
  expectLedgerInvariants,
  getInvoice,
  LESSON_LINE,
  ledgerOf,
  openAccount,
  postInvoice,
  sendInvoice,
  sentInvoice,
  type BillingWorld,
} from "./support/billing";

describe("invoices: draft and send", () => {
  it("drafts an invoice, issues it with the next number and emails the family a signed link", async () => {
    const w = await billingWorld();
    const draft = await draftInvoice(w.owner, w.family, [
      { description: "Piano lesson (60 min)", quantity: 2, unitPriceMinor: 6000 },
      { description: "Sheet music", quantity: 1, unitPriceMinor: 1250 },
    ]);
    expect(draft).toMatchObject({
      status: "draft",
      number: null,
      accountId: w.familyId,
      subtotalMinor: 13250,
      totalMinor: 13250,
      balanceDueMinor: 13250,
      currency: "USD",
    });
    expect(draft.lines).toHaveLength(2);

    const sent = await sendInvoice(w.owner, draft.id);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({
      id: draft.id,
      number: "INV-000001",
      status: "sent",
      totalMinor: 13250,
      balanceDueMinor: 13250,
      emailedTo: [w.guardianEmail],
    });
    expect(sent.body.history.map((h: { event: string }) => h.event)).toEqual(["drafted", "sent"]);

    const [mail] = await readMail(w.guardianEmail, { subject: "Invoice INV-000001" });
    expect(mail!.body.text).toContain("$132.50");
    expect(mail!.body.text).toContain("Sheet music: $12.50");
    const link = new URL(extractLink(mail!.body.text!, `/${w.owner.studio.slug}/invoices/`));
    const token = link.pathname.split("/").pop()!;
    expect(readInvoiceToken(token)).toMatchObject({ studioId: w.studioId, invoiceId: draft.id });

    const second = await sentInvoice(w.owner, w.family);
    expect(second.number).toBe("INV-000002");
    const account = await expectLedgerInvariants(w.studioId, w.familyId);
    expect(account.balanceMinor).toBe(13250 + 6000);
    expect((await ledgerOf(w.studioId, w.familyId)).map((e) => [e.type, e.amountMinor])).toEqual([
      ["invoice", 13250],
      ["invoice", 6000],
    ]);
    expect(await auditActions(w.studioId, "invoice", draft.id)).toEqual(["invoice.created", "invoice.sent"]);

    // Its first reminder step is queued for the dunning job (3 days before the due date by default).
    const stored = (await billingDb().entities.invoice.get({ studioId: w.studioId, invoiceId: draft.id }).go()).data!;
    expect(stored).toMatchObject({ nextDunningStep: "before", listState: "open" });
    const due = await billingDb().entities.dunningDue.get({ day: stored.nextDunningDay!, studioId: w.studioId, invoiceId: draft.id }).go();
    expect(due.data).toMatchObject({ step: "before" });
  });
});

const base = (w: BillingWorld) => `/v1/studios/${w.studioId}/invoices`;
const patch = (w: BillingWorld, id: string, body: Record<string, unknown>) => api("PATCH", `${base(w)}/${id}`, { token: w.owner.accessToken, body });
const remove = (w: BillingWorld, id: string) => api("DELETE", `${base(w)}/${id}`, { token: w.owner.accessToken });
const voidIt = (w: BillingWorld, id: string, body: Record<string, unknown> = { reason: "Mistake" }) =>
  api("POST", `${base(w)}/${id}/void`, { token: w.owner.accessToken, body });
const list = (w: BillingWorld, query: string, token = w.owner.accessToken) => api("GET", `${base(w)}?${query}`, { token });
const ids = (page: { body: { items: { id: string }[] } }) => page.body.items.map((i) => i.id);
const history = (invoice: { history: { event: string }[] }) => invoice.history.map((h) => h.event);
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function lessonOf(w: BillingWorld, studentIndex = 0, days = 5) {
  const res = await bookLesson(w.owner, {
    teacherId: w.teacher.id,
    studentId: w.students[studentIndex]!.id,
    scheduledStart: futureAt(days, 15),
    durationMinutes: 60,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe("invoices: drafts", () => {
  it("names bad fields, and lets only admins draft", async () => {
    const w = await billingWorld();
    const bad = await postInvoice(w.owner, {
      accountId: w.familyId,
      lines: [{ description: "", quantity: 0, unitPriceMinor: 1.5 }],
      discount: { kind: "percent", value: 100001 },
      dueDate: "2026-02-30",
    });
    expect(bad.status).toBe(422);
    expect(paths(bad)).toEqual(["discount.value", "dueDate", "lines.0.description", "lines.0.quantity", "lines.0.unitPriceMinor"]);
    expect((await postInvoice(w.owner, { lines: [LESSON_LINE] })).body.errors).toEqual([{ path: "accountId", message: "give either accountId or account" }]);
    expect(paths(await postInvoice(w.owner, { accountId: w.familyId, lines: [] }))).toEqual(["lines"]);
    expect(paths(await postInvoice(w.owner, { accountId: w.familyId }))).toEqual(["lines"]);
    expect((await postInvoice(w.owner, { accountId: w.familyId, lines: [LESSON_LINE], dueDate: dateIn(-3) })).body.errors).toEqual([
      { path: "dueDate", message: "must not be before today" },
    ]);
    expect(paths(await postInvoice(w.owner, { accountId: w.familyId, lines: [{ ...LESSON_LINE, lessonId: "nope" }] }))).toEqual(["lines.0.lessonId"]);
    expect((await postInvoice(w.owner, { accountId: "no-such-account", lines: [LESSON_LINE] })).status).toBe(404);

    const teacher = await memberWithRole(w.owner, "teacher", { teacherId: w.teacher.id });
    const parent = await memberWithRole(w.owner, "parent", { guardianId: w.guardianId, familyId: w.familyId });
    for (const token of [teacher.accessToken, parent.accessToken])
      expect((await postInvoice(w.owner, { accountId: w.familyId, lines: [LESSON_LINE] }, token)).status).toBe(403);
    const other = await ownerWithStudio();
    expect((await postInvoice(w.owner, { accountId: w.familyId, lines: [LESSON_LINE] }, other.accessToken)).status).toBe(404);
    expect((await api("POST", base(w), { body: { accountId: w.familyId, lines: [LESSON_LINE] } })).status).toBe(401);
  });

  it("opens the account of the family, band or student named as the party", async () => {
    const w = await billingWorld();
    const solo = await addStudent(w.owner, { firstName: "Solo", email: uniqueEmail("solo").toLowerCase() });
    const draft = await draftInvoice(w.owner, { kind: "student", partyId: solo.id });
    expect(draft.accountId).toBe(solo.id);
    const again = await draftInvoice(w.owner, { kind: "student", partyId: solo.id });
    expect(again.accountId).toBe(solo.id);
    expect((await postInvoice(w.owner, { account: { kind: "band", partyId: solo.id }, lines: [LESSON_LINE] })).status).toBe(404);
    expect((await postInvoice(w.owner, { account: { kind: "family", partyId: "missing" }, lines: [LESSON_LINE] })).status).toBe(404);
    const sent = await sendInvoice(w.owner, draft.id);
    expect(sent.body.emailedTo).toEqual([solo.email]);
  });

  it("edits drafts only: lines (kept by lineId), discount, notes and a due date kept when sent; issued invoices never change", async () => {
    const w = await billingWorld();
    const lessonId = await lessonOf(w);
    const draft = await draftInvoice(w.owner, w.family, [{ description: "Lesson", quantity: 1, unitPriceMinor: 6000, lessonId }, LESSON_LINE], {
      notes: "Thanks!",
    });
    const lessonLine = draft.lines[0];
    expect(lessonLine).toMatchObject({ kind: "lesson", lessonId, studentId: w.students[0]!.id });

    const due = dateIn(40);
    const edited = await patch(w, draft.id, {
      lines: [
        { lineId: lessonLine.id, description: "Lesson (discounted)", quantity: 1, unitPriceMinor: 5000 },
        { description: "Books", quantity: 2, unitPriceMinor: 750 },
      ],
      discount: { kind: "fixed", value: 500 },
      notes: null,
      dueDate: due,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      subtotalMinor: 6500,
      discountMinor: 500,
      totalMinor: 6000,
      notes: null,
      dueDate: due,
      discount: { kind: "fixed", value: 500 },
    });
    expect(edited.body.lines).toEqual([
      expect.objectContaining({ id: lessonLine.id, kind: "lesson", lessonId, description: "Lesson (discounted)", totalMinor: 5000 }),
      expect.objectContaining({ kind: "custom", description: "Books", totalMinor: 1500, lessonId: null }),
    ]);
    expect(paths(await patch(w, draft.id, { lines: [{ lineId: "not-a-line", description: "x", quantity: 1, unitPriceMinor: 1 }] }))).toEqual([
      "lines.0.lineId",
    ]);
    expect(paths(await patch(w, draft.id, {}))).toEqual(["body"]);

    const sent = await sendInvoice(w.owner, draft.id);
    expect(sent.body).toMatchObject({ dueDate: due, status: "sent" });
    const refused = await patch(w, draft.id, { notes: "Too late" });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe("Issued invoices cannot be changed; void and reissue, or add a credit note");
    expect((await remove(w, draft.id)).status).toBe(409);
    expect(await auditActions(w.studioId, "invoice", draft.id)).toEqual(["invoice.created", "invoice.updated", "invoice.sent"]);

    // Without a due date of its own, a draft is due the payment terms after the day it is sent.
    const plain = await draftInvoice(w.owner, w.family);
    const withDue = await patch(w, plain.id, { dueDate: dateIn(60) });
    expect(withDue.body.dueDate).toBe(dateIn(60));
    const back = await patch(w, plain.id, { dueDate: null });
    expect(history(back.body)).toEqual(["drafted", "edited", "due_date_set", "edited", "due_date_cleared"]);
    const issued = await sendInvoice(w.owner, plain.id);
    expect(issued.body.dueDate).toBe(addDays(issued.body.issueDate, 14));
  });

  it("bills a lesson once: its line holds the lesson until the draft is deleted or the invoice voided, and a reissue takes it over", async () => {
    const w = await billingWorld();
    const lessonId = await lessonOf(w);
    const line = { description: "Lesson", quantity: 1, unitPriceMinor: 6000, lessonId };
    const first = await draftInvoice(w.owner, w.family, [line]);
    const twice = await postInvoice(w.owner, { accountId: w.familyId, lines: [line] });
    expect(twice.status).toBe(409);
    expect(twice.body.errors).toEqual([{ path: "lines.0.lessonId", message: expect.stringContaining("already billed") }]);
    expect(paths(await postInvoice(w.owner, { accountId: w.familyId, lines: [line, line] }))).toEqual(["lines.1.lessonId"]);
    // The other student of the family can still be billed for a lesson of theirs.
    expect((await postInvoice(w.owner, { accountId: w.familyId, lines: [{ ...line, studentId: w.students[1]!.id }] })).body.errors).toEqual([
      { path: "lines.0.studentId", message: "is not a student of this lesson" },
    ]);

    // A band lesson has several students: the line names one.
    const band = await api("POST", `/v1/studios/${w.studioId}/bands`, { token: w.owner.accessToken, body: { name: `Band ${randomUUID().slice(0, 4)}` } });
    for (const s of w.students) await api("PUT", `/v1/studios/${w.studioId}/bands/${band.body.id}/members/${s.id}`, { token: w.owner.accessToken });
    const bandLesson = await bookLesson(w.owner, {
      teacherId: w.teacher.id,
      bandId: band.body.id,
      type: "group",
      scheduledStart: futureAt(6, 17),
      durationMinutes: 60,
    });
    expect(bandLesson.status, JSON.stringify(bandLesson.body)).toBe(201);
    expect(paths(await postInvoice(w.owner, { accountId: w.familyId, lines: [{ ...line, lessonId: bandLesson.body.id }] }))).toEqual(["lines.0.studentId"]);
    const both = await draftInvoice(
      w.owner,
      w.family,
      w.students.map((s) => ({ ...line, lessonId: bandLesson.body.id, studentId: s.id })),
    );
    expect(both.lines.map((l: { studentId: string }) => l.studentId)).toEqual(w.students.map((s) => s.id));

    // Deleting the draft gives the lesson back; a line dropped from a draft does too.
    expect((await remove(w, first.id)).status).toBe(204);
    expect((await getInvoice(w.owner, first.id)).status).toBe(404);
    expect((await remove(w, first.id)).status).toBe(404);
    const second = await draftInvoice(w.owner, w.family, [line]);
    await patch(w, second.id, { lines: [LESSON_LINE] });
    const third = await sentInvoice(w.owner, w.family, [line]);
    expect(await auditActions(w.studioId, "invoice", first.id)).toEqual(["invoice.created", "invoice.deleted"]);

    // Void and reissue: the new draft copies the lines and holds the lesson; voiding without reissue frees it.
    const voided = await voidIt(w, third.id, { reason: "Wrong price", reissue: true });
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    const reissueId = voided.body.replacedByInvoiceId as string;
    const reissue = (await getInvoice(w.owner, reissueId)).body;
    expect(reissue).toMatchObject({ status: "draft", number: null, replacesInvoiceId: third.id, totalMinor: 6000 });
    expect(reissue.lines).toEqual([expect.objectContaining({ kind: "lesson", lessonId, description: "Lesson" })]);
    expect(history(voided.body)).toEqual(["drafted", "sent", "voided"]);
    expect((await postInvoice(w.owner, { accountId: w.familyId, lines: [line] })).status).toBe(409);
    const corrected = await patch(w, reissueId, { lines: [{ lineId: reissue.lines[0].id, description: "Lesson", quantity: 1, unitPriceMinor: 5500 }] });
    expect(corrected.body.totalMinor).toBe(5500);
    const resent = await sendInvoice(w.owner, reissueId);
    expect(resent.body.number).toBe("INV-000002");
    expect((await voidIt(w, reissueId)).status).toBe(200);
    expect((await postInvoice(w.owner, { accountId: w.familyId, lines: [line] })).status).toBe(201);
    expect(await expectLedgerInvariants(w.studioId, w.familyId)).toMatchObject({ balanceMinor: 0, creditMinor: 0 });
  });
});

describe("invoices: send", () => {
  it("sends an issued invoice again with a fresh link, replays a send under the same Idempotency-Key, and never sends a void one", async () => {
    const w = await billingWorld();
    const draft = await draftInvoice(w.owner, w.family);
    const key = randomUUID();
    const first = await sendInvoice(w.owner, draft.id, { idempotencyKey: key });
    const replay = await sendInvoice(w.owner, draft.id, { idempotencyKey: key });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    await readMail(w.guardianEmail, { subject: "Invoice INV-000001" });
    expect(await readMail(w.guardianEmail, { subject: "INV-000001", timeoutMs: 500 })).toHaveLength(1);

    const again = await sendInvoice(w.owner, draft.id);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ number: "INV-000001", emailedTo: [w.guardianEmail] });
    expect(history(again.body)).toEqual(["drafted", "sent", "resent"]);
    const mails = await readMail(w.guardianEmail, { subject: "INV-000001", count: 2 });
    expect(mails[1]!.subject).toMatch(/^Copy of invoice INV-000001/);
    const links = mails.map((m) => extractLink(m.body.text!, `/${w.owner.studio.slug}/invoices/`));
    expect(links[0]).not.toBe(links[1]);
    expect(await ledgerOf(w.studioId, w.familyId)).toHaveLength(1);

    expect((await voidIt(w, draft.id)).status).toBe(200);
    expect((await voidIt(w, draft.id)).status).toBe(409);
    const voidSend = await sendInvoice(w.owner, draft.id);
    expect(voidSend.status).toBe(409);
    expect(paths(await voidIt(w, draft.id, {}))).toEqual(["reason"]);
    const another = await draftInvoice(w.owner, w.family);
    expect((await voidIt(w, another.id)).status).toBe(409);
    expect((await sendInvoice(w.owner, "missing")).status).toBe(404);
  });

  it("sends to a family without an email address and says so on the invoice", async () => {
    const w = await billingWorld();
    const family = await api("POST", `/v1/studios/${w.studioId}/families`, { token: w.owner.accessToken, body: { name: "Quiet Family" } });
    await openAccount(w.studioId, { kind: "family", partyId: family.body.id }, "Quiet Family");
    const sent = await sentInvoice(w.owner, family.body.id);
    expect(sent.emailedTo).toEqual([]);
    expect(sent.history.at(-1)).toMatchObject({ event: "sent", detail: `Issued as ${sent.number}; no billing contact has an email address` });
  });
});

describe("invoices: who sees what", () => {
  it("shows the family its invoices in full, the teacher of its students a summary, drafts to admins only", async () => {
    const w = await billingWorld();
    const sent = await sentInvoice(w.owner, w.family);
    const draft = await draftInvoice(w.owner, w.family);
    const parent = await memberWithRole(w.owner, "parent", { guardianId: w.guardianId, familyId: w.familyId });
    const teacher = await memberWithRole(w.owner, "teacher", { teacherId: w.teacher.id });
    const studentSelf = await memberWithRole(w.owner, "student", { studentId: w.students[0]!.id });
    const otherTeacher = await memberWithRole(w.owner, "teacher", { teacherId: (await addTeacher(w.owner)).id });
    const otherFamily = await api("POST", `/v1/studios/${w.studioId}/families`, { token: w.owner.accessToken, body: { name: "Others" } });
    const otherParent = await memberWithRole(w.owner, "parent", { familyId: otherFamily.body.id });

    const full = await getInvoice(w.owner, sent.id, parent.accessToken);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ id: sent.id, number: sent.number, lines: [expect.objectContaining({ description: LESSON_LINE.description })] });
    const summary = await getInvoice(w.owner, sent.id, teacher.accessToken);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ id: sent.id, number: sent.number, status: "sent", totalMinor: 6000, balanceDueMinor: 6000 });
    expect(summary.body).not.toHaveProperty("lines");
    expect(summary.body).not.toHaveProperty("history");
    expect(summary.body).not.toHaveProperty("amountPaidMinor");
    for (const token of [studentSelf.accessToken, otherTeacher.accessToken, otherParent.accessToken])
      expect((await getInvoice(w.owner, sent.id, token)).status).toBe(404);
    for (const token of [parent.accessToken, teacher.accessToken]) {
      expect((await getInvoice(w.owner, draft.id, token)).status).toBe(404);
      expect((await sendInvoice(w.owner, sent.id, { token })).status).toBe(403);
      expect((await api("POST", `${base(w)}/${sent.id}/void`, { token, body: { reason: "x" } })).status).toBe(403);
    }

    // Lists: the parent's own account by default, without drafts; the teacher must name the account.
    const mine = await list(w, "", parent.accessToken);
    expect(mine.status).toBe(200);
    expect(ids(mine)).toEqual([sent.id]);
    expect(ids(await list(w, "status=draft", parent.accessToken))).toEqual([]);
    expect(ids(await list(w, `accountId=${w.familyId}`, w.owner.accessToken))).toEqual([draft.id, sent.id]);
    expect(paths(await list(w, "", teacher.accessToken))).toEqual(["accountId"]);
    const teachers = await list(w, `accountId=${w.familyId}`, teacher.accessToken);
    expect(teachers.body.items).toEqual([expect.objectContaining({ id: sent.id, totalMinor: 6000 })]);
    expect(teachers.body.items[0]).not.toHaveProperty("lines");
    for (const token of [otherTeacher.accessToken, otherParent.accessToken, studentSelf.accessToken])
      expect((await list(w, `accountId=${w.familyId}`, token)).status).toBe(404);
    expect(ids(await list(w, "", otherParent.accessToken))).toEqual([]);
  });

  it("lists an account's invoices newest first and the studio's by status; each list is two DynamoDB calls", async () => {
    const w = await billingWorld();
    const a = await sentInvoice(w.owner, w.family);
    // Issued 30 days ago: due 16 days ago, so overdue today.
    const late = await draftInvoice(w.owner, w.family, [{ description: "Old lesson", quantity: 1, unitPriceMinor: 4500 }]);
    const issued = await issueAndSendInvoice(w.studioId, late.id, { actorId: w.owner.userId, now: new Date(Date.now() - 30 * 86_400_000) });
    expect(issued).toMatchObject({ status: "sent", dueDate: addDays(issued.issueDate, 14) });
    const draft = await draftInvoice(w.owner, w.family);
    const paid = await sentInvoice(w.owner, w.family, [{ description: "Free", quantity: 1, unitPriceMinor: 0 }]);

    const byAccount = await list(w, `accountId=${w.familyId}&limit=25`);
    expect(ids(byAccount)).toEqual([paid.id, draft.id, late.id, a.id]);
    expect(dbCost(byAccount.headers).calls).toBeLessThanOrEqual(2);
    const overdue = await list(w, "status=overdue");
    expect(overdue.body.items).toEqual([expect.objectContaining({ id: late.id, status: "overdue", balanceDueMinor: 4500 })]);
    expect(dbCost(overdue.headers).calls).toBeLessThanOrEqual(2);
    expect(ids(await list(w, "status=open"))).toEqual([late.id, a.id]);
    expect(ids(await list(w, "status=draft"))).toEqual([draft.id]);
    expect(ids(await list(w, "status=paid"))).toEqual([paid.id]);
    expect(ids(await list(w, `accountId=${w.familyId}&status=overdue`))).toEqual([late.id]);
    expect(ids(await list(w, `accountId=${w.familyId}&status=open`))).toEqual([late.id, a.id]);
    expect(ids(await list(w, ""))).toEqual([paid.id, draft.id, late.id, a.id]);
    const first = await list(w, `accountId=${w.familyId}&limit=3`);
    expect(ids(first)).toEqual([paid.id, draft.id, late.id]);
    expect(ids(await list(w, `accountId=${w.familyId}&limit=3&cursor=${first.body.nextCursor}`))).toEqual([a.id]);
    expect(paths(await list(w, "status=late"))).toEqual(["status"]);
    expect(paths(await list(w, "cursor=garbage&accountId=x"))).toEqual(["cursor"]);
    expect((await getInvoice(w.owner, late.id)).body).toMatchObject({ status: "overdue", number: issued.number });
  });
});
