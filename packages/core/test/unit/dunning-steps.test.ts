import { describe, expect, it } from "vitest";
import { dueWords } from "../../src/email/templates/invoice-reminder";
import { lateFeeDue } from "../../src/billing/dunning/late-fee";
import { dueDunningStep, dunningSteps, nextDunningStep } from "../../src/billing/dunning/steps";
import { BILLING_DEFAULTS } from "../../src/billing/settings/defaults";

const dates = { issueDate: "2026-03-01", dueDate: "2026-03-15" };
const defaults = { dunning: BILLING_DEFAULTS.dunning };

describe("dunningSteps", () => {
  it("are before, due and after-N in order, on local dates counted from the due date", () => {
    expect(dunningSteps(dates, defaults)).toEqual([
      { step: "before", day: "2026-03-12" },
      { step: "due", day: "2026-03-15" },
      { step: "after-3", day: "2026-03-18" },
      { step: "after-7", day: "2026-03-22" },
      { step: "after-14", day: "2026-03-29" },
    ]);
  });

  it("cross month and year ends", () => {
    const steps = dunningSteps({ issueDate: "2026-12-20", dueDate: "2026-12-30" }, defaults);
    expect(steps.map((s) => s.day)).toEqual(["2026-12-27", "2026-12-30", "2027-01-02", "2027-01-06", "2027-01-13"]);
  });

  it("leave out a before-step on or before the issue date, and what the studio switched off", () => {
    expect(dunningSteps({ issueDate: "2026-03-12", dueDate: "2026-03-15" }, defaults).map((s) => s.step)).toEqual(["due", "after-3", "after-7", "after-14"]);
    expect(dunningSteps(dates, { dunning: { daysBefore: 0, onDueDate: false, daysAfter: [10, 5, 5] } })).toEqual([
      { step: "after-5", day: "2026-03-20" },
      { step: "after-10", day: "2026-03-25" },
    ]);
    expect(dunningSteps(dates, { dunning: { daysBefore: 0, onDueDate: false, daysAfter: [] } })).toEqual([]);
  });

  it("add a step for the late fee when no reminder falls on or after its day", () => {
    const lateFee = { kind: "fixed" as const, amount: 500, afterDays: 10 };
    expect(dunningSteps(dates, { dunning: { daysBefore: 0, onDueDate: true, daysAfter: [3, 7] }, lateFee }).map((s) => s.step)).toEqual([
      "due",
      "after-3",
      "after-7",
      "after-10",
    ]);
    expect(dunningSteps(dates, { ...defaults, lateFee }).map((s) => s.step)).toEqual(["before", "due", "after-3", "after-7", "after-14"]);
  });
});

describe("nextDunningStep", () => {
  it("is the first step on or after the issue date when an invoice is sent", () => {
    expect(nextDunningStep(dates, defaults)).toEqual({ step: "before", day: "2026-03-12" });
    // Due on the issue date (payment terms 0): the due-date reminder is the first step, that day.
    expect(nextDunningStep({ issueDate: "2026-03-15", dueDate: "2026-03-15" }, defaults)).toEqual({ step: "due", day: "2026-03-15" });
  });

  it("follows the step just done, and none is left after the last", () => {
    expect(nextDunningStep(dates, defaults, { after: "before" })).toEqual({ step: "due", day: "2026-03-15" });
    expect(nextDunningStep(dates, defaults, { after: "after-3" })).toEqual({ step: "after-7", day: "2026-03-22" });
    expect(nextDunningStep(dates, defaults, { after: "after-14" })).toBeNull();
    // Offsets changed since the step was scheduled: the order is by days from the due date.
    expect(nextDunningStep(dates, defaults, { after: "after-5" })).toEqual({ step: "after-7", day: "2026-03-22" });
  });

  it("re-schedules from today without repeating a step done (a refund re-opened the invoice)", () => {
    const invoice = { ...dates, dunningSteps: ["before", "due"] };
    expect(nextDunningStep(invoice, defaults, { from: "2026-03-10" })).toEqual({ step: "after-3", day: "2026-03-18" });
    expect(nextDunningStep(invoice, defaults, { from: "2026-03-19" })).toEqual({ step: "after-7", day: "2026-03-22" });
    expect(nextDunningStep(invoice, defaults, { from: "2026-03-30" })).toBeNull();
  });
});

describe("dueDunningStep", () => {
  it("is the pending step on its day, and nothing before it", () => {
    const pending = { step: "due", day: "2026-03-15" };
    expect(dueDunningStep(dates, defaults, pending, "2026-03-15")).toEqual(pending);
    expect(dueDunningStep(dates, defaults, pending, "2026-03-14")).toBeNull();
  });

  it("is the latest step due by today when the job reaches a pending step late", () => {
    expect(dueDunningStep(dates, defaults, { step: "before", day: "2026-03-12" }, "2026-03-19")).toEqual({ step: "after-3", day: "2026-03-18" });
    expect(dueDunningStep({ ...dates, dunningSteps: ["before"] }, defaults, { step: "due", day: "2026-03-15" }, "2026-04-30")).toEqual({
      step: "after-14",
      day: "2026-03-29",
    });
  });
});

describe("lateFeeDue", () => {
  const invoice = { totalMinor: 12_345 };
  it("is charged at an after-step at least afterDays past due, once", () => {
    const settings = { lateFee: { kind: "fixed" as const, amount: 500, afterDays: 7 } };
    expect(lateFeeDue(invoice, settings, "after-3")).toBe(0);
    expect(lateFeeDue(invoice, settings, "due")).toBe(0);
    expect(lateFeeDue(invoice, settings, "after-7")).toBe(500);
    expect(lateFeeDue(invoice, settings, "after-14")).toBe(500);
    expect(lateFeeDue({ ...invoice, lateFeeAppliedAt: "2026-03-22T09:00:00.000Z" }, settings, "after-14")).toBe(0);
    expect(lateFeeDue(invoice, {}, "after-14")).toBe(0);
  });

  it("as a percentage of the invoice total, rounded half up", () => {
    // 1.5 % of 123.45 = 1.85175 → 1.85; 2.5 % of 1.00 = 0.025 → 0.03.
    expect(lateFeeDue(invoice, { lateFee: { kind: "percent", amount: 1500, afterDays: 3 } }, "after-3")).toBe(185);
    expect(lateFeeDue({ totalMinor: 100 }, { lateFee: { kind: "percent", amount: 2500, afterDays: 3 } }, "after-3")).toBe(3);
  });
});

describe("dueWords", () => {
  it("says how far the due date is", () => {
    expect([3, 1, 0, -1, -7].map(dueWords)).toEqual(["due in 3 days", "due tomorrow", "due today", "overdue by 1 day", "overdue by 7 days"]);
  });
});
