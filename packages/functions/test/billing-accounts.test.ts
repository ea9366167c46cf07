import { randomUUID } from "node:crypto";
import { billingDb } from "@studiosync/core/billing";
import { addDays, addMonths, localParts } from "@studiosync/core/kernel";
import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { billingWorld, expectLedgerInvariants, sentInvoice, type BillingWorld, type Owner } from "./support/billing";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, auditActions, paths } from "./support/people";

const accountsPath = (owner: Owner, rest = "") => `/v1/studios/${owner.studio.id}/billing-accounts${rest}`;
const openAccount = (owner: Owner, body: unknown, token = owner.accessToken) => api("POST", accountsPath(owner), { token, body });

async function pay(owner: Owner, accountId: string, amountMinor: number, extra: Record<string, unknown> = {}) {
  const res = await api("POST", `/v1/studios/${owner.studio.id}/payments`, {
    token: owner.accessToken,
    body: { accountId, amountMinor, method: "bank_transfer", ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

/** Moves an issued invoice's due date into the past, as the calendar would (test-only write). */
async function makeOverdue(studioId: string, invoiceId: string, dueDate: string) {
  await billingDb().entities.invoice.patch({ studioId, invoiceId }).set({ dueDate, status: "overdue" }).go();
}

async function band(owner: Owner) {
  const res = await api("POST", `/v1/studios/${owner.studio.id}/bands`, { token: owner.accessToken, body: { name: `Band ${randomUUID().slice(0, 6)}` } });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string };
}

describe("billing accounts", () => {
  it("opens one account per family, band or student (admins), idempotently and once under concurrency", async () => {
    const owner = await ownerWithStudio({ currency: "EUR" });
    const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "The Weiss family" } });
    const first = await openAccount(owner, { kind: "family", partyId: family.body.id });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      id: family.body.id,
      kind: "family",
      name: "The Weiss family",
      balanceMinor: 0,
      creditMinor: 0,
      currency: "EUR",
      access: "full",
    });
    const again = await openAccount(owner, { kind: "family", partyId: family.body.id });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const wrongKind = await openAccount(owner, { kind: "student", partyId: family.body.id });
    expect(wrongKind.body.errors).toEqual([{ path: "kind", message: "must be family: the account of this party is a family account" }]);

    const student = await addStudent(owner, { firstName: "Clara", lastName: "Weiss" });
    const racers = await Promise.all(Array.from({ length: 5 }, () => openAccount(owner, { kind: "student", partyId: student.id })));
    expect(racers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(racers.map((r) => r.body.id))).toEqual(new Set([student.id]));
    expect(racers[0]!.body.name).toBe("Clara Weiss");
    expect(await auditActions(owner.studio.id, "billingAccount", student.id)).toEqual(["billingAccount.created"]);

    const b = await band(owner);
    expect((await openAccount(owner, { kind: "band", partyId: b.id })).body).toMatchObject({ kind: "band", name: b.name });

    const gone = await addStudent(owner);
    await api("DELETE", `/v1/studios/${owner.studio.id}/students/${gone.id}`, { token: owner.accessToken });
    expect((await openAccount(owner, { kind: "student", partyId: gone.id })).body.errors).toEqual([
      { path: "partyId", message: "is not a student of this studio" },
    ]);
    expect((await openAccount(owner, { kind: "band", partyId: student.id })).body.errors).toEqual([
      { path: "kind", message: "must be student: the account of this party is a student account" },
    ]);
    expect((await openAccount(owner, { kind: "family", partyId: randomUUID() })).body.errors).toEqual([
      { path: "partyId", message: "is not a family of this studio" },
    ]);
    expect(paths(await openAccount(owner, { kind: "club", partyId: "" }))).toEqual(["kind", "partyId"]);

    const teacher = await memberWithRole(owner, "teacher");
    expect((await openAccount(owner, { kind: "family", partyId: family.body.id }, teacher.accessToken)).status).toBe(403);
    const other = await ownerWithStudio();
    expect((await openAccount(owner, { kind: "family", partyId: family.body.id }, other.accessToken)).status).toBe(404);
    expect((await openAccount(other, { kind: "family", partyId: family.body.id }, other.accessToken)).status).toBe(422);
  });

  it("lists accounts with balances to admins, `?owing=true` only those that owe", async () => {
    const w = await billingWorld({ currency: "USD" });
    const { owner } = w;
    const solo = await addStudent(owner, { firstName: "Solo" });
    expect((await openAccount(owner, { kind: "student", partyId: solo.id })).status).toBe(201);
    await sentInvoice(owner, w.family);
    const credit = await addStudent(owner, { firstName: "Credit" });
    expect((await openAccount(owner, { kind: "student", partyId: credit.id })).status).toBe(201);
    await pay(owner, credit.id, 1000);

    const all = await api("GET", accountsPath(owner, "?limit=100"), { token: owner.accessToken });
    expect(all.status).toBe(200);
    const byId = Object.fromEntries(
      (all.body.items as { id: string; balanceMinor: number; creditMinor: number }[]).map((a) => [a.id, [a.balanceMinor, a.creditMinor]]),
    );
    expect(byId).toEqual({ [w.family]: [6000, 0], [solo.id]: [0, 0], [credit.id]: [-1000, 1000] });
    const owing = await api("GET", accountsPath(owner, "?owing=true"), { token: owner.accessToken });
    expect(owing.body.items).toEqual([expect.objectContaining({ id: w.family, kind: "family", name: w.familyName, balanceMinor: 6000, currency: "USD" })]);
    const settled = await api("GET", accountsPath(owner, "?owing=false&kind=student"), { token: owner.accessToken });
    expect(settled.body.items.map((a: { id: string }) => a.id).sort()).toEqual([solo.id, credit.id].sort());
    const paged = await api("GET", accountsPath(owner, "?limit=2"), { token: owner.accessToken });
    expect(paged.body.items).toHaveLength(2);
    const rest = await api("GET", accountsPath(owner, `?limit=2&cursor=${encodeURIComponent(paged.body.nextCursor)}`), { token: owner.accessToken });
    expect([...paged.body.items, ...rest.body.items].map((a: { id: string }) => a.id).sort()).toEqual(Object.keys(byId).sort());
    expect((await api("GET", accountsPath(owner, "?owing=maybe"), { token: owner.accessToken })).body.errors).toEqual([
      { path: "owing", message: "must be true or false" },
    ]);

    const parent = await memberWithRole(owner, "parent", { familyId: w.familyId, guardianId: w.guardianId });
    expect((await api("GET", accountsPath(owner), { token: parent.accessToken })).status).toBe(403);
  });

  it("shows an account in full to admins and its own parent or student, as a summary to its students' teachers, and to nobody else", async () => {
    const w = await billingWorld();
    const { owner } = w;
    const [ana] = w.students;
    expect((await openAccount(owner, { kind: "student", partyId: ana!.id })).status).toBe(201);
    const otherTeacher = await addTeacher(owner);
    const outsider = await addStudent(owner, { primaryTeacherId: otherTeacher.id });
    const b = await band(owner);
    await api("PUT", `/v1/studios/${owner.studio.id}/bands/${b.id}/members/${ana!.id}`, { token: owner.accessToken });
    expect((await openAccount(owner, { kind: "band", partyId: b.id })).status).toBe(201);

    const members = {
      admin: await memberWithRole(owner, "admin"),
      teacherOwn: await memberWithRole(owner, "teacher", { teacherId: w.teacher.id }),
      teacherOther: await memberWithRole(owner, "teacher", { teacherId: otherTeacher.id }),
      parentOwn: await memberWithRole(owner, "parent", { familyId: w.familyId, guardianId: w.guardianId }),
      parentOther: await memberWithRole(owner, "parent", {
        familyId: (await api("POST", `/v1/studios/${owner.studio.id}/families`, { token: owner.accessToken, body: { name: "Others" } })).body.id,
      }),
      studentSelf: await memberWithRole(owner, "student", { studentId: ana!.id }),
      studentOther: await memberWithRole(owner, "student", { studentId: outsider.id }),
    };
    const seen = async (accountId: string) => {
      const out: Record<string, string | number> = {};
      for (const [name, m] of Object.entries({ owner, ...members })) {
        const res = await api("GET", accountsPath(owner, `/${accountId}`), { token: m.accessToken });
        out[name] = res.status === 200 ? res.body.access : res.status;
      }
      return out;
    };
    expect(await seen(w.family)).toEqual({
      owner: "full",
      admin: "full",
      teacherOwn: "summary",
      teacherOther: 404,
      parentOwn: "full",
      parentOther: 404,
      studentSelf: 404,
      studentOther: 404,
    });
    expect(await seen(ana!.id)).toEqual({
      owner: "full",
      admin: "full",
      teacherOwn: "summary",
      teacherOther: 404,
      parentOwn: "full",
      parentOther: 404,
      studentSelf: "full",
      studentOther: 404,
    });
    expect(await seen(b.id)).toEqual({
      owner: "full",
      admin: "full",
      teacherOwn: 404,
      teacherOther: 404,
      parentOwn: 404,
      parentOther: 404,
      studentSelf: 404,
      studentOther: 404,
    });
    expect((await api("GET", accountsPath(owner, `/${randomUUID()}`), { token: owner.accessToken })).status).toBe(404);
    const another = await ownerWithStudio();
    expect((await api("GET", accountsPath(owner, `/${w.family}`), { token: another.accessToken })).status).toBe(404);
    expect((await api("GET", accountsPath(owner, `/${w.family}`))).status).toBe(401);

    // Moving Ana to the other teacher moves the summary view with her.
    await api("PATCH", `/v1/studios/${owner.studio.id}/students/${ana!.id}`, { token: owner.accessToken, body: { primaryTeacherId: otherTeacher.id } });
    expect((await api("GET", accountsPath(owner, `/${ana!.id}`), { token: members.teacherOther.accessToken })).body.access).toBe("summary");
    expect((await api("GET", accountsPath(owner, `/${ana!.id}`), { token: members.teacherOwn.accessToken })).status).toBe(404);
    // The family still has Leo with teacher A, and now Ana with teacher B: both see its summary.
    expect((await api("GET", accountsPath(owner, `/${w.family}`), { token: members.teacherOwn.accessToken })).body.access).toBe("summary");
    expect((await api("GET", accountsPath(owner, `/${w.family}`), { token: members.teacherOther.accessToken })).body.access).toBe("summary");
  });

  it("reads the ledger oldest first with the balance after each entry, summing to the balance (admins and the family)", async () => {
    const w = await billingWorld();
    const { owner } = w;
    const first = await sentInvoice(owner, w.family, [{ description: "Piano lessons (4 × 45 min)", quantity: 4, unitPriceMinor: 4500 }]);
    const second = await sentInvoice(owner, w.family);
    await pay(owner, w.family, 20_000, { invoiceId: first.id });
    const account = await expectLedgerInvariants(owner.studio.id, w.family);
    expect(account).toMatchObject({ balanceMinor: 18_000 + 6_000 - 20_000, creditMinor: 0 });

    const ledger = await api("GET", accountsPath(owner, `/${w.family}/ledger`), { token: owner.accessToken });
    expect(ledger.status).toBe(200);
    expect(ledger.body.currency).toBe("USD");
    expect(
      ledger.body.items.map((e: Record<string, unknown>) => [e.type, e.amountMinor, e.balanceAfterMinor, (e.invoiceId ?? e.paymentId) ? "linked" : "-"]),
    ).toEqual([
      ["invoice", 18_000, 18_000, "linked"],
      ["invoice", 6_000, 24_000, "linked"],
      ["payment", -20_000, 4_000, "linked"],
    ]);
    expect(ledger.body.items[0]).toMatchObject({ invoiceId: first.id, paymentId: null, creditAfterMinor: 0, at: expect.any(String) });
    expect(ledger.body.items[1].invoiceId).toBe(second.id);
    expect(ledger.body.items.reduce((sum: number, e: { amountMinor: number }) => sum + e.amountMinor, 0)).toBe(account.balanceMinor);

    const page1 = await api("GET", accountsPath(owner, `/${w.family}/ledger?limit=2`), { token: owner.accessToken });
    const page2 = await api("GET", accountsPath(owner, `/${w.family}/ledger?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`), {
      token: owner.accessToken,
    });
    expect([...page1.body.items, ...page2.body.items]).toEqual(ledger.body.items);
    expect(page2.body.nextCursor).toBeNull();
    expect((await api("GET", accountsPath(owner, `/${w.family}/ledger?cursor=bogus`), { token: owner.accessToken })).status).toBe(422);

    const parent = await memberWithRole(owner, "parent", { familyId: w.familyId, guardianId: w.guardianId });
    expect((await api("GET", accountsPath(owner, `/${w.family}/ledger`), { token: parent.accessToken })).body.items).toHaveLength(3);
    const teacher = await memberWithRole(owner, "teacher", { teacherId: w.teacher.id });
    expect((await api("GET", accountsPath(owner, `/${w.family}/ledger`), { token: teacher.accessToken })).status).toBe(403);
    const child = await memberWithRole(owner, "student", { studentId: w.students[0]!.id });
    expect((await api("GET", accountsPath(owner, `/${w.family}/ledger`), { token: child.accessToken })).status).toBe(404);
  });

  it("sums outstanding balances, credit held, overdue invoices and 12 months of revenue for admins", async () => {
    const w: BillingWorld = await billingWorld({ timeZone: "Pacific/Auckland", currency: "NZD" });
    const { owner } = w;
    const summaryPath = `/v1/studios/${owner.studio.id}/billing-summary`;
    const today = localParts(new Date(), "Pacific/Auckland").date;
    const months = Array.from({ length: 12 }, (_, i) => addMonths(`${today.slice(0, 7)}-01`, i - 11).slice(0, 7));

    const empty = await api("GET", summaryPath, { token: owner.accessToken });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      currency: "NZD",
      asOf: today,
      outstandingMinor: 0,
      owingAccountCount: 0,
      creditHeldMinor: 0,
      overdueMinor: 0,
      overdueCount: 0,
      aging: [
        { fromDays: 0, toDays: 30, balanceDueMinor: 0, invoiceCount: 0 },
        { fromDays: 31, toDays: 60, balanceDueMinor: 0, invoiceCount: 0 },
        { fromDays: 61, toDays: 90, balanceDueMinor: 0, invoiceCount: 0 },
        { fromDays: 91, toDays: null, balanceDueMinor: 0, invoiceCount: 0 },
      ],
      revenueByMonth: months.map((month) => ({ month, receivedMinor: 0, refundedMinor: 0, netMinor: 0, paymentCount: 0 })),
    });

    // The family: two invoices (100.00 and 60.00), one overdue and partly paid (30.00 a month ago).
    const late = await sentInvoice(owner, w.family, [{ description: "Term fee", quantity: 1, unitPriceMinor: 10_000 }]);
    await sentInvoice(owner, w.family);
    const monthAgo = new Date(Date.now() - 35 * 86_400_000).toISOString();
    await pay(owner, w.family, 3_000, { invoiceId: late.id, receivedAt: monthAgo });
    await makeOverdue(owner.studio.id, late.id, addDays(today, -5));
    // A student in credit (25.00 paid, nothing owed), then 5.00 of it refunded.
    const solo = await addStudent(owner, { firstName: "Solo" });
    await openAccount(owner, { kind: "student", partyId: solo.id });
    const payment = await pay(owner, solo.id, 2_500);
    const refund = await api("POST", `/v1/studios/${owner.studio.id}/payments/${payment.id}/refunds`, {
      token: owner.accessToken,
      body: { amountMinor: 500, reason: "Overpaid" },
    });
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);

    const res = await api("GET", summaryPath, { token: owner.accessToken });
    expect(res.body).toMatchObject({
      outstandingMinor: 13_000,
      owingAccountCount: 1,
      creditHeldMinor: 2_000,
      overdueMinor: 7_000,
      overdueCount: 1,
    });
    // Aging by days past due: the late one (5 days) and the one not yet due are both in 0–30.
    expect(res.body.aging.map((b: { balanceDueMinor: number; invoiceCount: number }) => [b.balanceDueMinor, b.invoiceCount])).toEqual([
      [13_000, 2],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    await makeOverdue(owner.studio.id, late.id, addDays(today, -95));
    const aged = await api("GET", summaryPath, { token: owner.accessToken });
    expect(aged.body.aging.map((b: { balanceDueMinor: number; invoiceCount: number }) => [b.balanceDueMinor, b.invoiceCount])).toEqual([
      [6_000, 1],
      [0, 0],
      [0, 0],
      [7_000, 1],
    ]);
    const byMonth = Object.fromEntries((res.body.revenueByMonth as { month: string }[]).map((m) => [m.month, m]));
    expect(res.body.revenueByMonth.map((m: { month: string }) => m.month)).toEqual(months);
    const paidMonth = localParts(monthAgo, "Pacific/Auckland").date.slice(0, 7);
    const thisMonth = today.slice(0, 7);
    expect(byMonth[paidMonth]).toEqual({ month: paidMonth, receivedMinor: 3_000, refundedMinor: 0, netMinor: 3_000, paymentCount: 1 });
    expect(byMonth[thisMonth]).toEqual({ month: thisMonth, receivedMinor: 2_500, refundedMinor: 500, netMinor: 2_000, paymentCount: 1 });
    expect(res.body.revenueByMonth.reduce((sum: number, m: { netMinor: number }) => sum + m.netMinor, 0)).toBe(5_000);

    for (const role of ["teacher", "parent", "student"] as const) {
      expect((await api("GET", summaryPath, { token: (await memberWithRole(owner, role)).accessToken })).status).toBe(403);
    }
    expect((await api("GET", summaryPath, { token: (await ownerWithStudio()).accessToken })).status).toBe(404);
  });
});
