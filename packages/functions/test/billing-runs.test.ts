import { randomUUID } from "node:crypto";
import { billingDb, runScheduledBilling } from "@studiosync/core/billing";
import { addDays, localParts, zonedInstant } from "@studiosync/core/kernel";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyLocalEnv, ensureTableAndBucket, type StreamPoller } from "@studiosync/local/engines";
import { outboxConsumerFor, outboxDrained, readMail } from "@studiosync/local/testing";
import { handler } from "../src/modules/billing-runs/jobs/billing-run";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { expectLedgerInvariants } from "./support/billing";
import { bookLesson } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher, auditActions } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
const ZONE = "America/New_York";
const POLICY = {
  noticeHours: 24,
  issueMakeupCredit: true,
  maxCreditsPerTerm: null,
  termLength: "quarter",
  creditExpiryDays: 90,
  reminderLeadHours: 24,
  horizonWeeks: 12,
};

const studioPath = (owner: Owner, rest = "") => `/v1/studios/${owner.studio.id}${rest}`;
const today = (zone = ZONE) => localParts(new Date(), zone).date;
const at = (date: string, time: string, zone = ZONE) => zonedInstant(date, time, zone).toISOString();

/** "Tue 3 Dec 16:00" in the zone, formatted here independently of the code under test. */
function when(iso: string, zone = ZONE) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.weekday} ${p.day} ${p.month} ${p.hour}:${p.minute}`;
}

async function post(owner: Owner, path: string, body: unknown, status = 201) {
  const res = await api("POST", studioPath(owner, path), { token: owner.accessToken, body });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

async function put(owner: Owner, path: string, body: unknown) {
  const res = await api("PUT", studioPath(owner, path), { token: owner.accessToken, body });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

/**
 * A studio to bill: Clara Weiss teaches at 60.00 an hour; the Rivera family (a guardian with an
 * email) has Ana (piano) and Leo (violin); Sam Solo (guitar) is billed on his own. Tax 8.875 %.
 */
async function studioToBill(zone = ZONE) {
  const owner = await ownerWithStudio({ timeZone: zone, currency: "USD" });
  const clara = await addTeacher(owner, { firstName: "Clara", lastName: "Weiss", hourlyRateMinor: 6000 });
  const familyName = `Rivera ${randomUUID().slice(0, 6)}`;
  const family = await post(owner, "/families", { name: familyName });
  const guardianEmail = uniqueEmail("guardian").toLowerCase();
  await post(owner, `/families/${family.id}/guardians`, { firstName: "Maria", lastName: "Rivera", relationship: "mother", email: guardianEmail });
  const ana = await addStudent(owner, { firstName: "Ana", lastName: "Rivera", instrument: "piano", primaryTeacherId: clara.id, familyId: family.id });
  const leo = await addStudent(owner, { firstName: "Leo", lastName: "Rivera", instrument: "violin", primaryTeacherId: clara.id, familyId: family.id });
  const samEmail = uniqueEmail("sam").toLowerCase();
  const sam = await addStudent(owner, { firstName: "Sam", lastName: "Solo", instrument: "guitar", primaryTeacherId: clara.id, email: samEmail });
  await put(owner, "/billing-settings", { taxRateMillipercent: 8875 });
  return { owner, clara, familyId: family.id as string, familyName, guardianEmail, ana, leo, sam, samEmail };
}
type Studio = Awaited<ReturnType<typeof studioToBill>>;

async function book(owner: Owner, body: Record<string, unknown>) {
  const res = await bookLesson(owner, { durationMinutes: 30, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; scheduledStart: string };
}

const startRun = (owner: Owner, body: unknown, token = owner.accessToken) => api("POST", studioPath(owner, "/billing-runs"), { token, body });
const getRun = (owner: Owner, runId: string, token = owner.accessToken) => api("GET", studioPath(owner, `/billing-runs/${runId}`), { token });
const invoice = async (owner: Owner, invoiceId: string) => {
  const res = await api("GET", studioPath(owner, `/invoices/${invoiceId}`), { token: owner.accessToken });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const lineOf = (l: any) => ({
  kind: l.kind,
  description: l.description,
  quantity: l.quantity,
  unitPriceMinor: l.unitPriceMinor,
  totalMinor: l.totalMinor,
  lessonId: l.lessonId,
  studentId: l.studentId,
  feePlanId: l.feePlanId,
});

/** Every billed-item marker of the studio, by key (test-only read). */
async function markers(studioId: string) {
  const { data } = await billingDb().entities.billedItem.query.billedItem({ studioId }).go({ pages: "all" });
  return data;
}

/** Every invoice of the studio (test-only read). */
async function studioInvoices(studioId: string) {
  const { data } = await billingDb().entities.invoice.query.invoice({ studioId }).go({ pages: "all" });
  return data;
}

// The scheduled job reads every studio whose run day it is, so this file has a table of its own
// (and its own outbox consumer).
let outbox: StreamPoller | undefined;
afterAll(() => outbox?.stop());
beforeAll(async () => {
  const env = { ...inject("localEnv"), tableName: `studiosync-billing-runs-${randomUUID().slice(0, 8)}` };
  applyLocalEnv(env);
  await ensureTableAndBucket(env);
  outbox = await outboxConsumerFor(env.tableName);
});

describe("billing runs: what is billed", () => {
  it("bills each kind of lesson exactly once per student, with the cancellation and make-up rules, into one draft per account", async () => {
    const s = await studioToBill();
    const { owner, clara } = s;
    const day = (n: number) => addDays(today(), n);
    await put(owner, "/cancellation-policy", POLICY);

    // Past lessons: completed, no-show, and one left scheduled. A lesson's title, when it has one (a make-up's), names the line.
    const completed = await book(owner, { teacherId: clara.id, studentId: s.ana.id, scheduledStart: at(day(-8), "16:00") });
    expect((await api("PATCH", studioPath(owner, `/lessons/${completed.id}`), { token: owner.accessToken, body: { status: "completed" } })).status).toBe(200);
    const noShow = await book(owner, { teacherId: clara.id, studentId: s.leo.id, scheduledStart: at(day(-7), "16:00"), durationMinutes: 45 });
    expect((await api("PATCH", studioPath(owner, `/lessons/${noShow.id}`), { token: owner.accessToken, body: { status: "no_show" } })).status).toBe(200);
    const stillScheduled = await book(owner, { teacherId: clara.id, studentId: s.sam.id, scheduledStart: at(day(-6), "16:00"), durationMinutes: 60 });

    // Ana cancels two hours ahead (policy: 24 h notice) → no credit → billed as a late cancellation.
    const soon = new Date(Math.ceil((Date.now() + 2 * 3_600_000) / 300_000) * 300_000).toISOString();
    const late = await book(owner, { teacherId: clara.id, studentId: s.ana.id, scheduledStart: soon });
    const lateCancel = await post(owner, `/lessons/${late.id}/cancel`, { reason: "Sick", by: "student" }, 200);
    expect(lateCancel.cancellation).toMatchObject({ by: "student", outcome: "no_credit" });
    // Leo cancels with notice → make-up credit → not billed; the make-up lesson it pays for is billed.
    const withCredit = await book(owner, { teacherId: clara.id, studentId: s.leo.id, scheduledStart: at(day(3), "16:00") });
    const credited = await post(owner, `/lessons/${withCredit.id}/cancel`, { reason: "Holiday", by: "student" }, 200);
    expect(credited.cancellation.outcome).toBe("credit_issued");
    const makeup = await post(owner, `/makeup-credits/${credited.cancellation.creditId}/book`, { scheduledStart: at(day(5), "16:00") });
    // The studio cancels Ana's lesson (credit issued) and, with credits switched off, one of Sam's (no credit).
    const studioCancelled = await book(owner, { teacherId: clara.id, studentId: s.ana.id, scheduledStart: at(day(2), "16:00") });
    await post(owner, `/lessons/${studioCancelled.id}/cancel`, { reason: "Teacher ill" }, 200);
    await put(owner, "/cancellation-policy", { ...POLICY, issueMakeupCredit: false });
    const studioNoCredit = await book(owner, { teacherId: clara.id, studentId: s.sam.id, scheduledStart: at(day(6), "16:00") });
    expect((await post(owner, `/lessons/${studioNoCredit.id}/cancel`, { reason: "Flood" }, 200)).cancellation).toMatchObject({
      by: "studio",
      outcome: "no_credit",
    });
    // A teacher without a rate (and no studio default): skipped. A lesson after the period: not looked at.
    const noRateTeacher = await addTeacher(owner, { firstName: "Nora", lastName: "Rate" });
    const noRate = await book(owner, { teacherId: noRateTeacher.id, studentId: s.sam.id, scheduledStart: at(day(7), "10:00") });
    await book(owner, { teacherId: clara.id, studentId: s.sam.id, scheduledStart: at(day(12), "16:00") });

    const period = { periodStart: day(-10), periodEnd: day(10) };
    const res = await startRun(owner, period);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const runId = `${period.periodStart}_${period.periodEnd}`;
    // Family: 30.00 + 30.00 (late cancellation) + 45.00 + 30.00 (make-up) = 135.00, tax 8.875 % = 11.98125 → 11.98.
    // Sam: 60.00, tax 5.325 → 5.33 (half up).
    expect(res.body).toMatchObject({
      id: runId,
      ...period,
      trigger: "manual",
      status: "drafted",
      currency: "USD",
      invoiceCount: 2,
      accountCount: 2,
      totalMinor: 14698 + 6533,
      runCount: 1,
      startedBy: owner.userId,
      execution: { invoicesCreated: 2, invoicesExtended: 0, linesAdded: 5, amountMinor: 21231, alreadyBilled: 0, skippedCount: 4, failed: [] },
    });
    expect(res.body.skipped).toEqual(
      expect.arrayContaining([
        { lessonId: withCredit.id, studentId: s.leo.id, reason: "cancelled: make-up credit issued" },
        { lessonId: studioCancelled.id, studentId: s.ana.id, reason: "cancelled: make-up credit issued" },
        { lessonId: studioNoCredit.id, studentId: s.sam.id, reason: "cancelled by the studio" },
        { lessonId: noRate.id, studentId: s.sam.id, reason: "no rate: set the teacher's hourly rate, a fee plan or the studio's default rate" },
      ]),
    );
    expect(res.body.skipped).toHaveLength(4);

    const detail = await getRun(owner, runId);
    expect(detail.status).toBe(200);
    const byAccount = new Map<string, any>(detail.body.invoices.map((i: any) => [i.accountId, i]));
    expect(byAccount.get(s.familyId)).toMatchObject({
      accountName: s.familyName,
      status: "draft",
      number: null,
      lineCount: 4,
      subtotalMinor: 13500,
      discountMinor: 0,
      taxMinor: 1198,
      totalMinor: 14698,
      balanceDueMinor: 14698,
      issueDate: today(),
      dueDate: addDays(today(), 14),
    });
    expect(byAccount.get(s.sam.id)).toMatchObject({ accountName: "Sam Solo", lineCount: 1, subtotalMinor: 6000, taxMinor: 533, totalMinor: 6533 });

    const familyInvoice = await invoice(owner, byAccount.get(s.familyId).id);
    expect(familyInvoice).toMatchObject({
      status: "draft",
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      billingRunId: runId,
      taxRateMillipercent: 8875,
    });
    expect(familyInvoice.lines.map(lineOf)).toEqual([
      {
        kind: "lesson",
        description: `Ana: Piano lesson with Clara Weiss — ${when(completed.scheduledStart)} (30 min)`,
        quantity: 1,
        unitPriceMinor: 3000,
        totalMinor: 3000,
        lessonId: completed.id,
        studentId: s.ana.id,
        feePlanId: null,
      },
      {
        kind: "late_cancellation",
        description: `Ana: Late cancellation: Piano lesson with Clara Weiss — ${when(late.scheduledStart)} (30 min)`,
        quantity: 1,
        unitPriceMinor: 3000,
        totalMinor: 3000,
        lessonId: late.id,
        studentId: s.ana.id,
        feePlanId: null,
      },
      {
        kind: "lesson",
        description: `Leo: Violin lesson with Clara Weiss — ${when(noShow.scheduledStart)} (45 min)`,
        quantity: 1,
        unitPriceMinor: 4500,
        totalMinor: 4500,
        lessonId: noShow.id,
        studentId: s.leo.id,
        feePlanId: null,
      },
      {
        kind: "lesson",
        description: `Leo: Make-up lesson with Clara Weiss — ${when(makeup.scheduledStart)} (30 min)`,
        quantity: 1,
        unitPriceMinor: 3000,
        totalMinor: 3000,
        lessonId: makeup.id,
        studentId: s.leo.id,
        feePlanId: null,
      },
    ]);
    const samInvoice = await invoice(owner, byAccount.get(s.sam.id).id);
    expect(samInvoice.lines.map(lineOf)).toEqual([
      {
        kind: "lesson",
        description: `Guitar lesson with Clara Weiss — ${when(stillScheduled.scheduledStart)} (60 min)`,
        quantity: 1,
        unitPriceMinor: 6000,
        totalMinor: 6000,
        lessonId: stillScheduled.id,
        studentId: s.sam.id,
        feePlanId: null,
      },
    ]);

    // Sam had no billing account: the run opened it. Drafts post nothing to the ledger.
    const samAccount = await expectLedgerInvariants(owner.studio.id, s.sam.id);
    expect(samAccount).toMatchObject({ kind: "student", name: "Sam Solo", balanceMinor: 0 });
    expect((await markers(owner.studio.id)).map((m) => m.billedKey).sort()).toEqual(
      [completed.id + "#" + s.ana.id, late.id + "#" + s.ana.id, noShow.id + "#" + s.leo.id, makeup.id + "#" + s.leo.id, stillScheduled.id + "#" + s.sam.id]
        .map((k) => `lesson#${k}`)
        .sort(),
    );
    expect(await auditActions(owner.studio.id, "invoice", familyInvoice.id)).toEqual(["invoice.drafted"]);
    expect(await auditActions(owner.studio.id, "billingRun", runId)).toEqual(["billingRun.drafted"]);
  });

  it("bills a band lesson to each member's account, and none of a band lesson the studio cancelled", async () => {
    const s = await studioToBill();
    const { owner, clara } = s;
    const band = await post(owner, "/bands", { name: "Duo" });
    for (const id of [s.ana.id, s.sam.id])
      expect((await api("PUT", studioPath(owner, `/bands/${band.id}/members/${id}`), { token: owner.accessToken })).status).toBe(200);
    const held = await book(owner, {
      teacherId: clara.id,
      bandId: band.id,
      type: "group",
      title: "Duo rehearsal",
      scheduledStart: at("2091-06-04", "17:00"),
      durationMinutes: 90,
    });
    const called = await book(owner, { teacherId: clara.id, bandId: band.id, type: "group", scheduledStart: at("2091-06-11", "17:00"), durationMinutes: 90 });
    await post(owner, `/lessons/${called.id}/cancel`, { reason: "Teacher ill" }, 200);

    const run = await startRun(owner, { month: "2091-06" });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body.skipped).toEqual([
      { lessonId: called.id, studentId: s.ana.id, reason: "cancelled: make-up credit issued" },
      { lessonId: called.id, studentId: s.sam.id, reason: "cancelled: make-up credit issued" },
    ]);
    const invoices = (await getRun(owner, run.body.id)).body.invoices;
    const lines = async (accountId: string) => (await invoice(owner, invoices.find((i: any) => i.accountId === accountId).id)).lines.map(lineOf);
    // 90 minutes at 60.00 an hour each.
    expect(await lines(s.familyId)).toEqual([
      {
        kind: "lesson",
        description: `Ana: Duo rehearsal with Clara Weiss — ${when(held.scheduledStart)} (90 min)`,
        quantity: 1,
        unitPriceMinor: 9000,
        totalMinor: 9000,
        lessonId: held.id,
        studentId: s.ana.id,
        feePlanId: null,
      },
    ]);
    expect(await lines(s.sam.id)).toEqual([
      {
        kind: "lesson",
        description: `Duo rehearsal with Clara Weiss — ${when(held.scheduledStart)} (90 min)`,
        quantity: 1,
        unitPriceMinor: 9000,
        totalMinor: 9000,
        lessonId: held.id,
        studentId: s.sam.id,
        feePlanId: null,
      },
    ]);
  });

  it("bills monthly plans once per month and term packages once per term, and skips the lessons they cover", async () => {
    const s = await studioToBill();
    const { owner, clara } = s;
    const monthly = await post(owner, "/fee-plans", { name: "Monthly piano", kind: "monthly", amountMinor: 18000 });
    const term = await post(owner, "/fee-plans", {
      name: "Spring violin",
      kind: "term",
      amountMinor: 42000,
      termStart: "2091-03-10",
      termEnd: "2091-05-31",
      lessonCount: 10,
    });
    const sibling = await post(owner, "/fee-plans", { name: "Sibling rate", kind: "per_lesson", amountMinor: 2250 });
    await post(owner, `/fee-plans/${monthly.id}/enrolments`, { studentId: s.ana.id, startDate: "2091-02-15" });
    await post(owner, `/fee-plans/${term.id}/enrolments`, { studentId: s.leo.id, startDate: "2091-01-01" });
    await post(owner, `/fee-plans/${sibling.id}/enrolments`, { studentId: s.sam.id, startDate: "2091-03-01", endDate: "2091-03-31" });

    const anaFeb = await book(owner, { teacherId: clara.id, studentId: s.ana.id, scheduledStart: at("2091-02-05", "16:00") });
    const anaMar = await book(owner, { teacherId: clara.id, studentId: s.ana.id, scheduledStart: at("2091-03-05", "16:00") });
    const leoBefore = await book(owner, { teacherId: clara.id, studentId: s.leo.id, scheduledStart: at("2091-03-03", "16:00") });
    const leoInTerm = await book(owner, { teacherId: clara.id, studentId: s.leo.id, scheduledStart: at("2091-03-17", "16:00") });
    const samMar = await book(owner, { teacherId: clara.id, studentId: s.sam.id, scheduledStart: at("2091-03-20", "16:00"), durationMinutes: 45 });
    const samApr = await book(owner, { teacherId: clara.id, studentId: s.sam.id, scheduledStart: at("2091-04-03", "16:00"), durationMinutes: 45 });

    const march = await startRun(owner, { month: "2091-03" });
    expect(march.status, JSON.stringify(march.body)).toBe(201);
    expect(march.body).toMatchObject({ id: "2091-03-01_2091-03-31", periodStart: "2091-03-01", periodEnd: "2091-03-31" });
    expect(march.body.skipped).toEqual([
      { lessonId: anaMar.id, studentId: s.ana.id, reason: "covered by the monthly plan “Monthly piano”" },
      { lessonId: leoInTerm.id, studentId: s.leo.id, reason: "covered by the term package “Spring violin”" },
    ]);
    const marchRun = await getRun(owner, march.body.id);
    const family = marchRun.body.invoices.find((i: any) => i.accountId === s.familyId);
    expect((await invoice(owner, family.id)).lines.map(lineOf)).toEqual([
      {
        kind: "monthly_plan",
        description: "Ana: Monthly piano — March 2091",
        quantity: 1,
        unitPriceMinor: 18000,
        totalMinor: 18000,
        lessonId: null,
        studentId: s.ana.id,
        feePlanId: monthly.id,
      },
      {
        kind: "term_package",
        description: "Leo: Spring violin — term 10 Mar 2091 – 31 May 2091, 10 lessons",
        quantity: 1,
        unitPriceMinor: 42000,
        totalMinor: 42000,
        lessonId: null,
        studentId: s.leo.id,
        feePlanId: term.id,
      },
      {
        kind: "lesson",
        description: `Leo: Violin lesson with Clara Weiss — ${when(leoBefore.scheduledStart)} (30 min)`,
        quantity: 1,
        unitPriceMinor: 3000,
        totalMinor: 3000,
        lessonId: leoBefore.id,
        studentId: s.leo.id,
        feePlanId: null,
      },
    ]);
    // 630.00 + 8.875 % = 55.9125 → 55.91
    expect(family).toMatchObject({ subtotalMinor: 63000, taxMinor: 5591, totalMinor: 68591 });
    const sam = marchRun.body.invoices.find((i: any) => i.accountId === s.sam.id);
    expect((await invoice(owner, sam.id)).lines.map(lineOf)).toEqual([
      {
        kind: "lesson",
        description: `Guitar lesson with Clara Weiss — ${when(samMar.scheduledStart)} (45 min)`,
        quantity: 1,
        unitPriceMinor: 2250,
        totalMinor: 2250,
        lessonId: samMar.id,
        studentId: s.sam.id,
        feePlanId: sibling.id,
      },
    ]);

    // February to April: what March billed is not billed again; Ana's February month and lesson
    // (before her plan started, the month is billed in full as it touches her enrolment), and April.
    const quarter = await startRun(owner, { periodStart: "2091-02-01", periodEnd: "2091-04-30" });
    expect(quarter.status, JSON.stringify(quarter.body)).toBe(201);
    expect(quarter.body.execution).toMatchObject({ invoicesCreated: 2, linesAdded: 4, alreadyBilled: 4 });
    const quarterRun = await getRun(owner, quarter.body.id);
    const familyQ = quarterRun.body.invoices.find((i: any) => i.accountId === s.familyId);
    expect((await invoice(owner, familyQ.id)).lines.map((l: any) => l.description)).toEqual([
      "Ana: Monthly piano — February 2091",
      "Ana: Monthly piano — April 2091",
      `Ana: Piano lesson with Clara Weiss — ${when(anaFeb.scheduledStart)} (30 min)`,
    ]);
    const samQ = quarterRun.body.invoices.find((i: any) => i.accountId === s.sam.id);
    // The sibling rate ended with March: April is at the teacher's rate (45 min of 60.00).
    expect((await invoice(owner, samQ.id)).lines.map(lineOf)).toEqual([
      {
        kind: "lesson",
        description: `Guitar lesson with Clara Weiss — ${when(samApr.scheduledStart)} (45 min)`,
        quantity: 1,
        unitPriceMinor: 4500,
        totalMinor: 4500,
        lessonId: samApr.id,
        studentId: s.sam.id,
        feePlanId: null,
      },
    ]);
    const keys = (await markers(owner.studio.id)).map((m) => m.billedKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith("monthly#")).sort()).toEqual(["2091-02", "2091-03", "2091-04"].map((m) => `monthly#${monthly.id}#${s.ana.id}#${m}`));
    expect(keys.filter((k) => k.startsWith("term#"))).toEqual([`term#${term.id}#${s.leo.id}`]);
  });
});

describe("billing runs: never twice", () => {
  async function lessonsInMarch(s: Studio) {
    const { owner, clara } = s;
    return {
      ana: await book(owner, { teacherId: clara.id, studentId: s.ana.id, scheduledStart: at("2092-03-02", "16:00") }),
      leo: await book(owner, { teacherId: clara.id, studentId: s.leo.id, scheduledStart: at("2092-03-09", "16:00") }),
      sam: await book(owner, { teacherId: clara.id, studentId: s.sam.id, scheduledStart: at("2092-03-16", "16:00") }),
    };
  }

  it("running a period again gives the same invoices; new lessons extend the run's drafts, or get a new draft once they are sent", async () => {
    const s = await studioToBill();
    const { owner, clara } = s;
    await lessonsInMarch(s);
    const first = await startRun(owner, { month: "2092-03" });
    expect(first.status).toBe(201);
    const before = (await getRun(owner, first.body.id)).body;
    expect(before.invoices).toHaveLength(2);

    const again = await startRun(owner, { periodStart: "2092-03-01", periodEnd: "2092-03-31" });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      id: first.body.id,
      runCount: 2,
      invoiceCount: 2,
      totalMinor: first.body.totalMinor,
      execution: { invoicesCreated: 0, invoicesExtended: 0, linesAdded: 0, amountMinor: 0, alreadyBilled: 3 },
    });
    const after = (await getRun(owner, first.body.id)).body;
    expect(after.invoices).toEqual(before.invoices);
    expect(await studioInvoices(owner.studio.id)).toHaveLength(2);

    // An execution that stopped after drafting but before recording its drafts on the run: the next one finds them.
    await billingDb()
      .entities.billingRun.patch({ studioId: owner.studio.id, runId: first.body.id })
      .set({ invoiceIds: [], accountCount: 0, totalMinor: 0 })
      .go();
    const healed = await startRun(owner, { month: "2092-03" });
    expect(healed.body).toMatchObject({
      invoiceCount: 2,
      accountCount: 2,
      totalMinor: first.body.totalMinor,
      execution: { invoicesCreated: 0, linesAdded: 0 },
    });
    expect((await getRun(owner, first.body.id)).body.invoices).toEqual(before.invoices);

    // A lesson booked later in the period: added to Sam's draft of this run, totals recomputed.
    const extra = await book(owner, { teacherId: clara.id, studentId: s.sam.id, scheduledStart: at("2092-03-23", "16:00"), durationMinutes: 45 });
    const third = await startRun(owner, { month: "2092-03" });
    expect(third.body.runCount).toBe(4);
    expect(third.body.execution).toMatchObject({ invoicesCreated: 0, invoicesExtended: 1, linesAdded: 1, amountMinor: 4900, alreadyBilled: 3 });
    const samDraft = (await getRun(owner, first.body.id)).body.invoices.find((i: any) => i.accountId === s.sam.id);
    // 30.00 + 45.00 = 75.00, tax 6.65625 → 6.66
    expect(samDraft).toMatchObject({ lineCount: 2, subtotalMinor: 7500, taxMinor: 666, totalMinor: 8166 });
    expect(third.body).toMatchObject({ invoiceCount: 2, totalMinor: first.body.totalMinor + 8166 - 3266 });
    expect(await auditActions(owner.studio.id, "invoice", samDraft.id)).toEqual(["invoice.drafted", "invoice.lines_added"]);

    // Once the run is sent, a later lesson gets a new draft in the same run.
    expect((await api("POST", studioPath(owner, `/billing-runs/${first.body.id}/send`), { token: owner.accessToken })).status).toBe(200);
    await book(owner, { teacherId: clara.id, studentId: s.sam.id, scheduledStart: at("2092-03-30", "16:00") });
    const fourth = await startRun(owner, { month: "2092-03" });
    expect(fourth.body).toMatchObject({ status: "drafted", invoiceCount: 3, execution: { invoicesCreated: 1, linesAdded: 1, alreadyBilled: 4 } });
    expect(extra.id).toBeTruthy();
    const keys = (await markers(owner.studio.id)).map((m) => m.billedKey);
    expect(keys).toHaveLength(5);
  });

  it("bills again what a deleted draft released, keeps the owner's edits when extending a draft, and writes a large account in several transactions", async () => {
    const s = await studioToBill();
    const { owner, clara } = s;
    const lessons = await lessonsInMarch(s);
    const run = (await startRun(owner, { month: "2092-03" })).body;
    const drafts = (await getRun(owner, run.id)).body.invoices;
    const sam = drafts.find((i: any) => i.accountId === s.sam.id);
    const family = drafts.find((i: any) => i.accountId === s.familyId);

    // Deleting Sam's draft releases its lesson: the next run bills it on a new draft.
    expect((await api("DELETE", studioPath(owner, `/invoices/${sam.id}`), { token: owner.accessToken })).status).toBe(204);
    const rebilled = await startRun(owner, { month: "2092-03" });
    expect(rebilled.body.execution).toMatchObject({ invoicesCreated: 1, linesAdded: 1, alreadyBilled: 2 });
    const samAgain = (await getRun(owner, run.id)).body.invoices.find((i: any) => i.accountId === s.sam.id);
    expect(samAgain.id).not.toBe(sam.id);
    expect((await invoice(owner, samAgain.id)).lines.map((l: any) => l.lessonId)).toEqual([lessons.sam.id]);

    // The owner gives the family 10 % off; a new lesson extends the draft with the discount kept.
    const patched = await api("PATCH", studioPath(owner, `/invoices/${family.id}`), {
      token: owner.accessToken,
      body: { discount: { kind: "percent", value: 10_000 } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    await book(owner, { teacherId: clara.id, studentId: s.leo.id, scheduledStart: at("2092-03-23", "16:00") });
    expect((await startRun(owner, { month: "2092-03" })).body.execution).toMatchObject({ invoicesExtended: 1, linesAdded: 1 });
    // 90.00 − 9.00 = 81.00, tax 7.18875 → 7.19
    expect(await invoice(owner, family.id)).toMatchObject({
      discount: { kind: "percent", value: 10_000 },
      subtotalMinor: 9000,
      discountMinor: 900,
      taxMinor: 719,
      totalMinor: 8819,
    });

    // 95 lessons for one account: one draft, written 90 lines and then 5 (each transaction stays under DynamoDB's 100 items).
    const { lesson } = billingDb().entities;
    const many = Array.from({ length: 95 }, (_, i) => {
      const start = Date.parse(at("2096-01-01", "08:00")) + i * 3 * 3_600_000;
      return {
        studioId: owner.studio.id,
        lessonId: randomUUID(),
        teacherId: clara.id,
        studentId: s.sam.id,
        studentIds: [s.sam.id],
        type: "private" as const,
        status: "completed" as const,
        scheduledStart: new Date(start).toISOString(),
        scheduledEnd: new Date(start + 30 * 60_000).toISOString(),
        createdBy: "test",
        updatedBy: "test",
      };
    });
    for (let i = 0; i < many.length; i += 25) expect((await lesson.put(many.slice(i, i + 25)).go()).unprocessed).toEqual([]);
    const big = await startRun(owner, { month: "2096-01" });
    expect(big.body).toMatchObject({ invoiceCount: 1, totalMinor: 285_000 + 25_294, execution: { invoicesCreated: 1, linesAdded: 95 } });
    const bigInvoice = await invoice(owner, (await getRun(owner, big.body.id)).body.invoices[0].id);
    expect(bigInvoice.lines.map((l: any) => l.lessonId)).toEqual(many.map((l) => l.lessonId));
    // 95 × 30.00 = 2,850.00; tax 252.9375 → 252.94
    expect(bigInvoice).toMatchObject({ subtotalMinor: 285_000, taxMinor: 25_294, totalMinor: 310_294 });
    expect(await auditActions(owner.studio.id, "invoice", bigInvoice.id)).toEqual(["invoice.drafted", "invoice.lines_added"]);
  });

  it("bills each lesson once when runs of the same and overlapping periods race", async () => {
    const s = await studioToBill();
    const { owner } = s;
    const lessons = await lessonsInMarch(s);
    const results = await Promise.all([
      startRun(owner, { month: "2092-03" }),
      startRun(owner, { month: "2092-03" }),
      startRun(owner, { month: "2092-03" }),
      startRun(owner, { periodStart: "2092-02-15", periodEnd: "2092-03-20" }),
    ]);
    for (const res of results) expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(results.reduce((n, r) => n + r.body.execution.linesAdded, 0)).toBe(3);
    expect(results.every((r) => r.body.execution.failed.length === 0)).toBe(true);

    const invoices = await studioInvoices(owner.studio.id);
    const billed = invoices.flatMap((i) => i.lines.map((l) => l.billedKey));
    expect(billed.sort()).toEqual(
      [`lesson#${lessons.ana.id}#${s.ana.id}`, `lesson#${lessons.leo.id}#${s.leo.id}`, `lesson#${lessons.sam.id}#${s.sam.id}`].sort(),
    );
    // One draft per account, whichever run made it; the markers point at the invoice holding each line.
    expect(invoices.map((i) => i.accountId).sort()).toEqual([s.familyId, s.sam.id].sort());
    const byKey = new Map((await markers(owner.studio.id)).map((m) => [m.billedKey, m.invoiceId]));
    for (const i of invoices) for (const line of i.lines) expect(byKey.get(line.billedKey!)).toBe(i.invoiceId);
    const runs = await api("GET", studioPath(owner, "/billing-runs"), { token: owner.accessToken });
    expect(runs.body.items.map((r: any) => r.id)).toEqual(["2092-03-01_2092-03-31", "2092-02-15_2092-03-20"]);
    expect(runs.body.items.reduce((n: number, r: any) => n + r.invoiceCount, 0)).toBe(2);
    expect(runs.body.items.reduce((n: number, r: any) => n + r.totalMinor, 0)).toBe(invoices.reduce((n, i) => n + i.totalMinor, 0));
    expect(runs.body.items[0]).toMatchObject({ runCount: 3, status: "drafted" });
  });
});

describe("sending a run", () => {
  it("issues and emails every draft once (Idempotency-Key replays), leaving invoices the owner already sent alone", async () => {
    const s = await studioToBill();
    const { owner, clara } = s;
    await book(owner, { teacherId: clara.id, studentId: s.ana.id, scheduledStart: at("2093-05-04", "16:00") });
    await book(owner, { teacherId: clara.id, studentId: s.sam.id, scheduledStart: at("2093-05-05", "16:00") });
    const run = (await startRun(owner, { month: "2093-05" })).body;
    const detail = (await getRun(owner, run.id)).body;
    const samInvoice = detail.invoices.find((i: any) => i.accountId === s.sam.id);
    const familyInvoice = detail.invoices.find((i: any) => i.accountId === s.familyId);
    // The owner sends Sam's by hand first.
    expect((await api("POST", studioPath(owner, `/invoices/${samInvoice.id}/send`), { token: owner.accessToken })).status).toBe(200);

    const key = randomUUID();
    const send = () => api("POST", studioPath(owner, `/billing-runs/${run.id}/send`), { token: owner.accessToken, headers: { "Idempotency-Key": key } });
    const sent = await send();
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({
      id: run.id,
      status: "sent",
      failed: [],
      remaining: 0,
      sent: [{ invoiceId: familyInvoice.id, number: "INV-000002", emailedTo: [s.guardianEmail] }],
    });
    const mail = await readMail(s.guardianEmail, { subject: "Invoice INV-000002" });
    expect(mail).toHaveLength(1);
    // 30.00 + 8.875 % = 2.6625 → 2.66
    expect(mail[0]!.subject).toContain("$32.66 due");
    expect(await invoice(owner, familyInvoice.id)).toMatchObject({ status: "sent", number: "INV-000002", totalMinor: 3266, balanceDueMinor: 3266 });
    expect(await expectLedgerInvariants(owner.studio.id, s.familyId)).toMatchObject({ balanceMinor: 3266 });

    const replay = await send();
    expect(replay.status).toBe(200);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replay.body).toEqual(sent.body);
    // Without the key, there is nothing left to send.
    const plain = await api("POST", studioPath(owner, `/billing-runs/${run.id}/send`), { token: owner.accessToken });
    expect(plain.body).toMatchObject({ status: "sent", sent: [], failed: [], remaining: 0 });
    await outboxDrained(owner.studio.id);
    expect(await readMail(s.guardianEmail, { subject: "INV-000002" })).toHaveLength(1);
    expect((await getRun(owner, run.id)).body.invoices.map((i: any) => i.number).sort()).toEqual(["INV-000001", "INV-000002"]);
    expect(await auditActions(owner.studio.id, "billingRun", run.id)).toEqual(["billingRun.drafted", "billingRun.sent"]);
  });
});

describe("billing runs: requests and access", () => {
  it("answers 422 for a bad period, 403 to non-admins, 404 to other studios and for unknown runs", async () => {
    const s = await studioToBill();
    const { owner } = s;
    const errors = async (body: unknown) => {
      const res = await startRun(owner, body);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      return res.body.errors;
    };
    expect(await errors({})).toEqual([
      { path: "periodStart", message: "is required (or give month)" },
      { path: "periodEnd", message: "is required (or give month)" },
    ]);
    expect(await errors({ month: "2026-13" })).toEqual([{ path: "month", message: "must be a month YYYY-MM" }]);
    expect(await errors({ month: "2026-12", periodStart: "2026-12-01", periodEnd: "2026-12-31" })).toEqual([
      { path: "month", message: "must not be given with periodStart and periodEnd" },
    ]);
    expect(await errors({ periodStart: "2026-12-31", periodEnd: "2026-12-01" })).toEqual([{ path: "periodEnd", message: "must be on or after periodStart" }]);
    expect(await errors({ periodStart: "2026-01-01", periodEnd: "2027-01-02" })).toEqual([
      { path: "periodEnd", message: "must be at most 365 days after periodStart" },
    ]);
    expect(await errors({ periodStart: "2026-02-30", periodEnd: "2026-03-01" })).toEqual([{ path: "periodStart", message: "must be a real date YYYY-MM-DD" }]);
    expect(await errors({ month: "2026-12", extra: 1 })).toEqual([{ path: "extra", message: "is not a known field" }]);
    // A whole year (366 local dates) is the longest period.
    expect((await startRun(owner, { periodStart: "2095-01-01", periodEnd: "2096-01-01" })).status).toBe(201);

    const teacher = await memberWithRole(owner, "teacher", { teacherId: s.clara.id });
    expect((await startRun(owner, { month: "2094-01" }, teacher.accessToken)).status).toBe(403);
    expect((await api("GET", studioPath(owner, "/billing-runs"), { token: teacher.accessToken })).status).toBe(403);
    const made = await startRun(owner, { month: "2094-01" });
    expect(made.body).toMatchObject({ invoiceCount: 0, totalMinor: 0, skipped: [], execution: { invoicesCreated: 0 } });
    expect((await getRun(owner, made.body.id, teacher.accessToken)).status).toBe(403);
    expect((await api("POST", studioPath(owner, `/billing-runs/${made.body.id}/send`), { token: teacher.accessToken })).status).toBe(403);

    const outsider = await ownerWithStudio();
    expect((await startRun(owner, { month: "2094-01" }, outsider.accessToken)).status).toBe(404);
    expect((await getRun(owner, made.body.id, outsider.accessToken)).status).toBe(404);
    expect((await api("GET", `/v1/studios/${outsider.studio.id}/billing-runs/${made.body.id}`, { token: outsider.accessToken })).status).toBe(404);
    expect((await getRun(owner, "2094-02-01_2094-02-28")).status).toBe(404);
    expect((await api("POST", studioPath(owner, "/billing-runs/2094-02-01_2094-02-28/send"), { token: owner.accessToken })).status).toBe(404);
    expect((await api("POST", studioPath(owner, "/billing-runs"), { body: { month: "2094-01" } })).status).toBe(401);
  });
});

describe("the scheduled billing run", () => {
  it("drafts the previous month for each studio whose run day it is in its own time zone, once", async () => {
    const ny = await studioToBill("America/New_York");
    const auckland = await studioToBill("Pacific/Auckland");
    const notToday = await studioToBill("Pacific/Auckland");
    await put(ny.owner, "/billing-settings", { autoRun: { enabled: true, dayOfMonth: 5, period: "previous_month" } });
    await put(auckland.owner, "/billing-settings", { autoRun: { enabled: true, dayOfMonth: 6, period: "previous_month" } });
    await put(notToday.owner, "/billing-settings", { autoRun: { enabled: true, dayOfMonth: 5, period: "previous_month" } });
    for (const s of [ny, auckland, notToday]) {
      const zone = s === ny ? "America/New_York" : "Pacific/Auckland";
      await book(s.owner, { teacherId: s.clara.id, studentId: s.sam.id, scheduledStart: at("2091-03-10", "16:00", zone) });
      // In the month the run is in: not billed by a previous-month run.
      await book(s.owner, { teacherId: s.clara.id, studentId: s.sam.id, scheduledStart: at("2091-04-02", "16:00", zone) });
    }

    // 15:00 UTC on 5 April 2091: the 5th in New York, already the 6th in Auckland.
    const now = new Date("2091-04-05T15:00:00Z");
    const first = await runScheduledBilling({ now });
    expect(first).toEqual({ studios: 2, invoicesCreated: 2, invoicesExtended: 0, linesAdded: 2, failed: [] });
    for (const s of [ny, auckland]) {
      const run = await getRun(s.owner, "2091-03-01_2091-03-31");
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ trigger: "schedule", startedBy: "job:billing-run", status: "drafted", invoiceCount: 1 });
      expect(run.body.invoices[0]).toMatchObject({ accountId: s.sam.id, lineCount: 1, subtotalMinor: 3000 });
    }
    expect((await getRun(notToday.owner, "2091-03-01_2091-03-31")).status).toBe(404);

    expect(await runScheduledBilling({ now })).toEqual({ studios: 2, invoicesCreated: 0, invoicesExtended: 0, linesAdded: 0, failed: [] });
    // The Lambda handler runs the same job at the real time.
    expect((await handler()).failed).toEqual([]);
  });
});
