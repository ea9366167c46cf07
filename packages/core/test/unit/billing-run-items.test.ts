import { describe, expect, it } from "vitest";
import { billableItems, monthsOf, type BillingFacts } from "../../src/billing/runs/billable-items";
import { storedSkipped } from "../../src/billing/runs/run-billing";
import { autoRunPeriod } from "../../src/billing/runs/run-scheduled-billing";
import { monthPeriod, startBillingRunSchema } from "../../src/billing/runs/schemas";

const ZONE = "Europe/London";
const student = { studentId: "s1", firstName: "Ana", lastName: "Rivera" };
const facts = (overrides: Partial<BillingFacts>): BillingFacts => ({
  period: { periodStart: "2027-02-01", periodEnd: "2027-02-28" },
  timeZone: ZONE,
  lessons: [],
  students: new Map([[student.studentId, student]]),
  teachers: new Map(),
  enrolments: [],
  plans: new Map(),
  settings: {},
  ...overrides,
});

describe("billing run periods", () => {
  it("turns a month into its local dates, and picks the automatic run's month", () => {
    expect(monthPeriod("2028-02")).toEqual({ periodStart: "2028-02-01", periodEnd: "2028-02-29" });
    expect(monthPeriod("2027-12")).toEqual({ periodStart: "2027-12-01", periodEnd: "2027-12-31" });
    expect(autoRunPeriod("2027-01-05", "previous_month")).toEqual({ periodStart: "2026-12-01", periodEnd: "2026-12-31" });
    expect(autoRunPeriod("2027-03-28", "previous_month")).toEqual({ periodStart: "2027-02-01", periodEnd: "2027-02-28" });
    expect(autoRunPeriod("2027-03-28", "current_month")).toEqual({ periodStart: "2027-03-01", periodEnd: "2027-03-31" });
    expect(monthsOf({ periodStart: "2026-12-15", periodEnd: "2027-02-01" })).toEqual(["2026-12", "2027-01", "2027-02"]);
    expect(startBillingRunSchema.parse({ month: "2027-02" })).toEqual({ periodStart: "2027-02-01", periodEnd: "2027-02-28" });
    expect(startBillingRunSchema.parse({ periodStart: "2027-02-03", periodEnd: "2027-02-03" })).toEqual({ periodStart: "2027-02-03", periodEnd: "2027-02-03" });
  });

  it("keeps 200 skipped items one by one and counts the rest per reason", () => {
    const skipped = [
      ...Array.from({ length: 250 }, (_, i) => ({ lessonId: `l${i}`, studentId: "s", reason: "covered by the monthly plan “M”" })),
      ...Array.from({ length: 30 }, (_, i) => ({ lessonId: `n${i}`, studentId: "s", reason: "no rate" })),
    ];
    const stored = storedSkipped(skipped);
    expect(stored).toHaveLength(202);
    expect(stored.slice(200)).toEqual([{ reason: "covered by the monthly plan “M” (50 more not listed)" }, { reason: "no rate (30 more not listed)" }]);
    expect(storedSkipped(skipped.slice(0, 200))).toHaveLength(200);
  });
});

describe("what a billing run bills for plans", () => {
  const monthly = { feePlanId: "m", name: "Monthly", kind: "monthly" as const, amountMinor: 10000 };
  const term = { feePlanId: "t", name: "Spring", kind: "term" as const, amountMinor: 30000, termStart: "2027-01-10", termEnd: "2027-03-31", lessonCount: 10 };

  it("bills a monthly plan for each month the period touches while the student is enrolled", () => {
    const run = (periodStart: string, periodEnd: string, startDate: string, endDate?: string) =>
      billableItems(
        facts({
          period: { periodStart, periodEnd },
          plans: new Map([["m", monthly]]),
          enrolments: [{ studentId: "s1", feePlanId: "m", startDate, ...(endDate ? { endDate } : {}) }],
        }),
      ).items.map((i) => i.billedKey);
    expect(run("2027-02-01", "2027-02-28", "2027-01-01")).toEqual(["monthly#m#s1#2027-02"]);
    expect(run("2027-01-15", "2027-03-14", "2027-01-01")).toEqual(["monthly#m#s1#2027-01", "monthly#m#s1#2027-02", "monthly#m#s1#2027-03"]);
    // Enrolled from the 20th: the month is billed in full; ended before the period: nothing.
    expect(run("2027-02-01", "2027-02-28", "2027-02-20")).toEqual(["monthly#m#s1#2027-02"]);
    expect(run("2027-02-01", "2027-02-28", "2026-09-01", "2027-01-31")).toEqual([]);
    expect(run("2027-02-01", "2027-02-28", "2027-03-01")).toEqual([]);
  });

  it("bills a term package when the period meets the term while the student is enrolled, whoever joins late", () => {
    const run = (periodStart: string, periodEnd: string, startDate: string) =>
      billableItems(facts({ period: { periodStart, periodEnd }, plans: new Map([["t", term]]), enrolments: [{ studentId: "s1", feePlanId: "t", startDate }] }))
        .items;
    expect(run("2026-12-01", "2026-12-31", "2026-11-01")).toEqual([]);
    const [item] = run("2027-01-01", "2027-01-31", "2026-11-01");
    expect(item).toMatchObject({
      billedKey: "term#t#s1",
      account: { kind: "student", partyId: "s1" },
      line: {
        kind: "term_package",
        description: "Spring — term 10 Jan 2027 – 31 Mar 2027, 10 lessons",
        quantity: 1,
        unitPriceMinor: 30000,
        feePlanId: "t",
        studentId: "s1",
      },
    });
    // Joining in February: the February run bills it (its markers keep later runs from billing it again).
    expect(run("2027-02-01", "2027-02-28", "2027-02-14").map((i) => i.billedKey)).toEqual(["term#t#s1"]);
    expect(run("2027-04-01", "2027-04-30", "2026-11-01")).toEqual([]);
  });

  it("names the student on a family's lines and bills lessons per student in start order after plan lines", () => {
    const ana = { ...student, familyId: "f1", instrument: "cello" };
    const lesson = (lessonId: string, start: string, extra: Record<string, unknown> = {}) => ({
      studioId: "x",
      lessonId,
      teacherId: "t1",
      studentIds: ["s1"],
      type: "private" as const,
      status: "completed" as const,
      scheduledStart: start,
      scheduledEnd: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
      roomKey: "none",
      editedByHand: false,
      createdAt: start,
      updatedAt: start,
      ...extra,
    });
    const { items, skipped } = billableItems(
      facts({
        students: new Map([["s1", ana]]),
        teachers: new Map([["t1", { teacherId: "t1", firstName: "Clara", lastName: "Weiss", hourlyRateMinor: 5000 }]]),
        plans: new Map([["m", monthly]]),
        enrolments: [{ studentId: "s1", feePlanId: "m", startDate: "2027-02-15" }],
        lessons: [lesson("b", "2027-02-09T16:00:00.000Z"), lesson("a", "2027-02-02T16:00:00.000Z"), lesson("c", "2027-02-16T16:00:00.000Z")],
      }),
    );
    expect(items.map((i) => [i.account, i.line.kind, i.line.description, i.line.unitPriceMinor])).toEqual([
      [{ kind: "family", partyId: "f1" }, "monthly_plan", "Ana: Monthly — February 2027", 10000],
      [{ kind: "family", partyId: "f1" }, "lesson", "Ana: Cello lesson with Clara Weiss — Tue 2 Feb 16:00 (30 min)", 2500],
      [{ kind: "family", partyId: "f1" }, "lesson", "Ana: Cello lesson with Clara Weiss — Tue 9 Feb 16:00 (30 min)", 2500],
    ]);
    expect(skipped).toEqual([{ lessonId: "c", studentId: "s1", reason: "covered by the monthly plan “Monthly”" }]);
  });
});

describe("what a billing run bills for one-off charges", () => {
  const charge = (chargeId: string, amountMinor: number, account = { kind: "family" as const, partyId: "f1" }) => ({
    chargeId,
    account,
    studentId: "s1",
    description: `Charge ${chargeId}`,
    amountMinor,
    chargeDate: "2027-02-03",
  });
  const withFamily = { ...student, familyId: "f1" };

  it("bills each pending charge once to its account, named for the student on a family's invoice", () => {
    const { items } = billableItems(
      facts({ students: new Map([["s1", withFamily]]), familyNames: new Map([["f1", "Riveras"]]), charges: [charge("c1", 5000), charge("c2", -5000)] }),
    );
    expect(items.map((i) => [i.billedKey, i.account, i.line.kind, i.line.description, i.line.unitPriceMinor])).toEqual([
      ["charge#c1", { kind: "family", partyId: "f1" }, "charge", "Ana: Charge c1", 5000],
      ["charge#c2", { kind: "family", partyId: "f1" }, "charge", "Ana: Charge c2", -5000],
    ]);
  });

  it("bills a charge of a family that is gone to the student", () => {
    const { items } = billableItems(facts({ familyNames: new Map(), charges: [charge("c1", 1250)] }));
    expect(items[0]!.account).toEqual({ kind: "student", partyId: "s1" });
    expect(items[0]!.line.description).toBe("Charge c1");
  });

  it("holds back credits that would take an invoice below zero, the largest first", async () => {
    const { withoutUnbackedCredits } = await import("../../src/billing/runs/draft-account-invoice");
    const { items } = billableItems(facts({ familyNames: new Map(), charges: [charge("fee", 1000), charge("big", -5000), charge("small", -800)] }));
    const none = withoutUnbackedCredits(items, 0);
    expect(none.heldBack.map((i) => i.billedKey)).toEqual(["charge#big"]);
    expect(none.fresh.map((i) => i.billedKey).sort()).toEqual(["charge#fee", "charge#small"]);
    expect(withoutUnbackedCredits(items, 4800).heldBack).toEqual([]);
  });
});
