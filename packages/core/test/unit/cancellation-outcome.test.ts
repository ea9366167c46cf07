import { describe, expect, it } from "vitest";
import { decideCancellation } from "../../src/scheduling/cancellations/cancellation-outcome";
import { termOf } from "../../src/scheduling/makeups/credit-term";

const HOUR = 3_600_000;
const policy = { issueMakeupCredit: true, noticeHours: 24, maxCreditsPerTerm: 3 as number | undefined };

describe("the cancellation policy's outcome", () => {
  it("gives a student's cancellation a credit with enough notice, in whole hours rounded down", () => {
    expect(decideCancellation({ by: "student", noticeMs: 52.9 * HOUR, settings: policy, issuedThisTerm: 0 })).toEqual({
      outcome: "credit_issued",
      explanation: "credit issued: 52 h notice",
      noticeHours: 52,
    });
    expect(decideCancellation({ by: "student", noticeMs: 24 * HOUR, settings: policy, issuedThisTerm: 2 }).outcome).toBe("credit_issued");
  });

  it("says why a student's cancellation earns nothing: short notice first, then the term's maximum", () => {
    expect(decideCancellation({ by: "student", noticeMs: 23.99 * HOUR, settings: policy, issuedThisTerm: 3 }).explanation).toBe(
      "no credit: 23 h notice, the policy asks for 24 h",
    );
    expect(decideCancellation({ by: "student", noticeMs: 5.5 * HOUR, settings: policy, issuedThisTerm: 0 }).explanation).toBe(
      "no credit: 5 h notice, the policy asks for 24 h",
    );
    expect(decideCancellation({ by: "student", noticeMs: 30 * HOUR, settings: policy, issuedThisTerm: 3 }).explanation).toBe(
      "no credit: 3 of 3 credits this term already issued",
    );
    expect(decideCancellation({ by: "student", noticeMs: 30 * HOUR, settings: { ...policy, maxCreditsPerTerm: undefined }, issuedThisTerm: 50 }).outcome).toBe(
      "credit_issued",
    );
  });

  it("always credits the studio's cancellations, unless the policy issues no credits at all", () => {
    expect(decideCancellation({ by: "studio", noticeMs: HOUR, settings: policy, issuedThisTerm: 9 }).explanation).toBe("credit issued: studio cancelled");
    expect(decideCancellation({ by: "studio", noticeMs: HOUR, settings: policy, issuedThisTerm: 0, closure: true }).explanation).toBe(
      "credit issued: studio closed",
    );
    const none = { ...policy, issueMakeupCredit: false };
    for (const by of ["student", "studio"] as const) {
      expect(decideCancellation({ by, noticeMs: 100 * HOUR, settings: none, issuedThisTerm: 0 })).toMatchObject({
        outcome: "no_credit",
        explanation: "no credit: the studio's policy issues no make-up credits",
      });
    }
  });
});

describe("credit terms", () => {
  it("names the calendar term of a local date and its first day", () => {
    expect(termOf("2026-11-23", "month")).toEqual({ name: "2026-11", startDate: "2026-11-01" });
    expect(termOf("2026-11-23", "quarter")).toEqual({ name: "2026-Q4", startDate: "2026-10-01" });
    expect(termOf("2026-03-31", "quarter")).toEqual({ name: "2026-Q1", startDate: "2026-01-01" });
    expect(termOf("2026-07-01", "half_year")).toEqual({ name: "2026-H2", startDate: "2026-07-01" });
    expect(termOf("2026-06-30", "half_year")).toEqual({ name: "2026-H1", startDate: "2026-01-01" });
    expect(termOf("2026-06-30", "year")).toEqual({ name: "2026", startDate: "2026-01-01" });
  });
});
