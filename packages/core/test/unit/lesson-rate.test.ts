import { describe, expect, it } from "vitest";
import { lessonMinutes, rateForLesson, type RateEnrolment, type RatePlan } from "../../src/billing/fee-plans/lesson-rate";

const ZONE = "America/New_York";
const S = "student-1";
// 23:30 on 31 Jan in New York is already 1 Feb in UTC: plans cover the studio's local dates.
const lateJan31 = { scheduledStart: "2027-02-01T04:30:00.000Z", scheduledEnd: "2027-02-01T05:15:00.000Z" };
const feb10 = { scheduledStart: "2027-02-10T21:00:00.000Z", scheduledEnd: "2027-02-10T21:30:00.000Z" };

const perLesson: RatePlan = { feePlanId: "p-lesson", name: "Sibling rate", kind: "per_lesson", amountMinor: 2250 };
const monthly: RatePlan = { feePlanId: "p-month", name: "Monthly unlimited", kind: "monthly", amountMinor: 12000 };
const term: RatePlan = { feePlanId: "p-term", name: "Spring term", kind: "term", amountMinor: 30000, termStart: "2027-02-05", termEnd: "2027-03-31" };
const plans = [perLesson, monthly, term];
const enrol = (plan: RatePlan, startDate: string, endDate?: string, studentId = S): RateEnrolment => ({
  studentId,
  feePlanId: plan.feePlanId,
  startDate,
  ...(endDate ? { endDate } : {}),
});
const base = { plans, teacher: { hourlyRateMinor: 6000 }, settings: { defaultHourlyRateMinor: 5000 }, studentId: S, timeZone: ZONE };

describe("the lesson rate rule", () => {
  it("prices by the teacher's hourly rate pro rata, rounded half up, else the studio's default, else no rate", () => {
    expect(rateForLesson({ ...base, enrolments: [], lesson: feb10 })).toEqual({
      kind: "per_lesson",
      unitPriceMinor: 3000,
      description: "Teacher's hourly rate, 30 min",
      source: "teacher",
    });
    // 45 min at 33.33/h = 2499.75 → 2500
    expect(rateForLesson({ ...base, teacher: { hourlyRateMinor: 3333 }, enrolments: [], lesson: lateJan31 })).toMatchObject({ unitPriceMinor: 2500 });
    // 45 min at 0.01/h = 0.0075 → 0.01; 20 min at 0.01/h = 0.0033 → 0
    expect(rateForLesson({ ...base, teacher: { hourlyRateMinor: 1 }, enrolments: [], lesson: lateJan31 })).toMatchObject({ unitPriceMinor: 1 });
    const twenty = { scheduledStart: "2027-02-10T21:00:00.000Z", scheduledEnd: "2027-02-10T21:20:00.000Z" };
    expect(rateForLesson({ ...base, teacher: { hourlyRateMinor: 1 }, enrolments: [], lesson: twenty })).toMatchObject({ unitPriceMinor: 0 });
    expect(rateForLesson({ ...base, teacher: {}, enrolments: [], lesson: feb10 })).toEqual({
      kind: "per_lesson",
      unitPriceMinor: 2500,
      description: "Studio's hourly rate, 30 min",
      source: "studio",
    });
    expect(rateForLesson({ ...base, teacher: null, enrolments: [], lesson: lateJan31 })).toMatchObject({ unitPriceMinor: 3750, source: "studio" });
    expect(rateForLesson({ ...base, teacher: {}, settings: {}, enrolments: [], lesson: feb10 })).toEqual({ kind: "no_rate" });
    // A teacher who charges nothing is a rate (0), not a missing one.
    expect(rateForLesson({ ...base, teacher: { hourlyRateMinor: 0 }, enrolments: [], lesson: feb10 })).toMatchObject({ unitPriceMinor: 0, source: "teacher" });
  });

  it("lets a per-lesson plan override the hourly rates on the dates it covers", () => {
    const enrolments = [enrol(perLesson, "2027-02-01", "2027-02-28")];
    expect(rateForLesson({ ...base, enrolments, lesson: feb10 })).toEqual({
      kind: "per_lesson",
      unitPriceMinor: 2250,
      description: "Fee plan “Sibling rate”",
      source: "plan",
      feePlanId: "p-lesson",
    });
    // The lesson at 23:30 on 31 Jan (local) is before the enrolment, whatever the UTC date says.
    expect(rateForLesson({ ...base, enrolments, lesson: lateJan31 })).toMatchObject({ source: "teacher", unitPriceMinor: 4500 });
    // Another student's enrolment does not apply.
    expect(rateForLesson({ ...base, enrolments: [enrol(perLesson, "2027-01-01", undefined, "student-2")], lesson: feb10 })).toMatchObject({
      source: "teacher",
    });
    // An enrolment without an end date runs on; one that ended does not.
    expect(rateForLesson({ ...base, enrolments: [enrol(perLesson, "2026-09-01")], lesson: feb10 })).toMatchObject({ source: "plan" });
    expect(rateForLesson({ ...base, enrolments: [enrol(perLesson, "2026-09-01", "2027-02-09")], lesson: feb10 })).toMatchObject({ source: "teacher" });
    expect(rateForLesson({ ...base, enrolments: [enrol(perLesson, "2027-02-10", "2027-02-10")], lesson: feb10 })).toMatchObject({ source: "plan" });
  });

  it("counts a lesson covered by a monthly plan on its local date, and by a term plan only within its term", () => {
    expect(rateForLesson({ ...base, enrolments: [enrol(monthly, "2027-02-01")], lesson: feb10 })).toEqual({ kind: "covered", by: monthly });
    expect(rateForLesson({ ...base, enrolments: [enrol(monthly, "2027-02-01")], lesson: lateJan31 })).toMatchObject({ kind: "per_lesson" });
    expect(rateForLesson({ ...base, enrolments: [enrol(monthly, "2027-01-01", "2027-01-31")], lesson: lateJan31 })).toMatchObject({ kind: "covered" });

    // Enrolled in the term plan from January, but the term starts on 5 Feb.
    const onTerm = [enrol(term, "2027-01-01")];
    expect(rateForLesson({ ...base, enrolments: onTerm, lesson: feb10 })).toEqual({ kind: "covered", by: term });
    expect(rateForLesson({ ...base, enrolments: onTerm, lesson: lateJan31 })).toMatchObject({ kind: "per_lesson", source: "teacher" });
    const april = { scheduledStart: "2027-04-01T15:00:00.000Z", scheduledEnd: "2027-04-01T16:00:00.000Z" };
    expect(rateForLesson({ ...base, enrolments: onTerm, lesson: april })).toMatchObject({ kind: "per_lesson", unitPriceMinor: 6000 });
    // The enrolment ending inside the term ends the cover.
    expect(rateForLesson({ ...base, enrolments: [enrol(term, "2027-01-01", "2027-02-09")], lesson: feb10 })).toMatchObject({ kind: "per_lesson" });
  });

  it("prefers a covering plan to a per-lesson plan, and ignores enrolments in plans it was not given", () => {
    const enrolments = [enrol(perLesson, "2027-01-01"), enrol(monthly, "2027-02-01")];
    expect(rateForLesson({ ...base, enrolments, lesson: feb10 })).toMatchObject({ kind: "covered", by: { feePlanId: "p-month" } });
    expect(rateForLesson({ ...base, enrolments, lesson: lateJan31 })).toMatchObject({ kind: "per_lesson", source: "plan" });
    expect(rateForLesson({ ...base, plans: new Map([[perLesson.feePlanId, perLesson]]), enrolments, lesson: feb10 })).toMatchObject({ source: "plan" });
    expect(rateForLesson({ ...base, plans: [], enrolments, lesson: feb10 })).toMatchObject({ source: "teacher" });
  });

  it("measures a lesson in booked minutes", () => {
    expect(lessonMinutes(feb10)).toBe(30);
    expect(lessonMinutes(lateJan31)).toBe(45);
  });
});
