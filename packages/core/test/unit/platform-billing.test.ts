import { describe, expect, it } from "vitest";
import { alertLevel, CHARGE_DAYS, GRACE_DAYS, invoiceNumber } from "../../src/platform-billing";
import { nextChargeDay, isLastTry } from "../../src/platform-billing/billing-ladder";
import { ACTIONS } from "../../src/policy";
import { allowedWhilePaused } from "../../src/policy/paused-studio";

describe("platform billing rules", () => {
  it("charges at once, then 3 and 7 days later, and a last time the day after the grace period", () => {
    expect(CHARGE_DAYS).toEqual([0, 3, 7, GRACE_DAYS + 1]);
    expect([0, 1, 2, 3, 4].map((tries) => nextChargeDay("2026-12-01", tries))).toEqual(["2026-12-01", "2026-12-04", "2026-12-08", "2026-12-16", null]);
    // Across a month and a year's end.
    expect(nextChargeDay("2026-12-30", 2)).toBe("2027-01-06");
    expect([3, 4].map(isLastTry)).toEqual([false, true]);
  });

  it("alerts at 80 % and 100 % of the cap, in integer cents", () => {
    expect(alertLevel(7_999, 10_000)).toBe(0);
    expect(alertLevel(8_000, 10_000)).toBe(80);
    expect(alertLevel(9_999, 10_000)).toBe(80);
    expect(alertLevel(10_000, 10_000)).toBe(100);
    expect(alertLevel(25_000, 10_000)).toBe(100);
    expect(alertLevel(1, 3)).toBe(0);
  });

  it("numbers an invoice by month and studio", () => {
    expect(invoiceNumber("01jh3k-abcd-ef", "2026-11")).toBe("SS-202611-01JH3KAB");
  });

  it("leaves a paused studio's members reading and paying only", () => {
    const allowed = ACTIONS.filter(allowedWhilePaused);
    expect(allowed).toEqual(
      expect.arrayContaining([
        "lesson.view",
        "student.view",
        "studio.read",
        "usage.view",
        "platform-billing.view",
        "platform-billing.manage",
        "privacy.export",
      ]),
    );
    for (const change of [
      "lesson.schedule",
      "student.manage",
      "invoice.send",
      "payment.record",
      "studio.update",
      "member.manage",
      "webhook.manage",
      "api-key.manage",
      "announcement.manage",
    ]) {
      expect([change, allowedWhilePaused(change)]).toEqual([change, false]);
    }
  });
});
