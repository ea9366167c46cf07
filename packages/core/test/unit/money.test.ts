import { describe, expect, it } from "vitest";
import { localeFor } from "../../src/kernel/locale";
import {
  allocate,
  formatMoney,
  FULL_PERCENT,
  invoiceTotals,
  lineTotal,
  MAX_AMOUNT_MINOR,
  minorDigits,
  percentOf,
  proRata,
  roundHalfUp,
} from "../../src/billing/money";

describe("money: integer minor units, one rounding rule", () => {
  it.each([
    [5, 2, 3], // 2.5 → 3
    [7, 2, 4], // 3.5 → 4
    [4, 2, 2],
    [149, 100, 1], // 1.49 → 1
    [150, 100, 2], // 1.50 → 2
    [151, 100, 2],
    [-5, 2, -3], // −2.5 → −3 (half away from zero)
    [-149, 100, -1],
    [-150, 100, -2],
    [0, 7, 0],
    [1, 3, 0], // 0.333…
    [2, 3, 1], // 0.666…
    [99_999, 100_000, 1],
    [49_999, 100_000, 0],
    [50_000, 100_000, 1],
  ])("roundHalfUp(%i, %i) = %i", (n, d, expected) => expect(roundHalfUp(n, d)).toBe(expected));

  it("refuses what it cannot round exactly", () => {
    expect(() => roundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUp(1, -3)).toThrow(RangeError);
    expect(() => roundHalfUp(2 ** 53, 3)).toThrow(RangeError);
  });

  it.each([
    // amount, rate in millipercent, exact product / 100 000, result
    [10_000, 20_000, 2_000], // 20 % of 100.00 = 20.00
    [1_999, 20_000, 400], // 399.8 → 400
    [1_234, 8_875, 110], // 8.875 % of 12.34 = 1.095175 → 1.10
    [1_000, 8_875, 89], // 88.75 → 89 (half up)
    [10, 5_000, 1], // 0.5 → 1
    [9, 5_000, 0], // 0.45 → 0
    [MAX_AMOUNT_MINOR, FULL_PERCENT, MAX_AMOUNT_MINOR],
    [MAX_AMOUNT_MINOR, 1, 10_000],
    [-1_000, 8_875, -89],
  ])("percentOf(%i, %i) = %i", (amount, rate, expected) => expect(percentOf(amount, rate)).toBe(expected));

  it.each([
    [6_000, 60, 6_000],
    [6_000, 45, 4_500],
    [6_000, 30, 3_000],
    [5_000, 45, 3_750],
    [4_999, 45, 3_749], // 3749.25 → 3749
    [3_333, 45, 2_500], // 2499.75 → 2500
    [1_001, 30, 501], // 500.5 → 501
    [7_000, 20, 2_333], // 2333.33…
  ])("proRata(%i/h, %i min) = %i", (rate, minutes, expected) => expect(proRata(rate, minutes)).toBe(expected));

  describe("invoiceTotals", () => {
    it("is exact without discount or tax", () => {
      expect(
        invoiceTotals(
          [
            { quantity: 3, unitPriceMinor: 4_333 },
            { quantity: 1, unitPriceMinor: 1 },
          ],
          undefined,
          0,
        ),
      ).toEqual({
        subtotalMinor: 13_000,
        discountMinor: 0,
        taxMinor: 0,
        totalMinor: 13_000,
      });
    });

    it("rounds tax once per invoice, not per line", () => {
      // Three lines of 0.10 at 5 %: per line 0.005 → 0.01 each would give 0.03; on the invoice 0.015 → 0.02.
      const lines = [1, 2, 3].map(() => ({ quantity: 1, unitPriceMinor: 10 }));
      expect(invoiceTotals(lines, undefined, 5_000)).toEqual({ subtotalMinor: 30, discountMinor: 0, taxMinor: 2, totalMinor: 32 });
    });

    it("taxes the subtotal after the discount, each rounded half up once", () => {
      // 12.5 % of 99.99 = 12.49875 → 12.50; tax 8.875 % of 87.49 = 7.7647375 → 7.76.
      expect(invoiceTotals([{ quantity: 1, unitPriceMinor: 9_999 }], { kind: "percent", value: 12_500 }, 8_875)).toEqual({
        subtotalMinor: 9_999,
        discountMinor: 1_250,
        taxMinor: 776,
        totalMinor: 9_999 - 1_250 + 776,
      });
      // Fixed 5.00 off 45.00, VAT 20 %: 40.00 + 8.00.
      expect(invoiceTotals([{ quantity: 1, unitPriceMinor: 4_500 }], { kind: "fixed", value: 500 }, 20_000)).toEqual({
        subtotalMinor: 4_500,
        discountMinor: 500,
        taxMinor: 800,
        totalMinor: 4_800,
      });
    });

    it("rounds a half cent of tax up", () => {
      // 10 % of 0.05 = 0.005 → 0.01; 10 % of 0.04 = 0.004 → 0.00.
      expect(invoiceTotals([{ quantity: 1, unitPriceMinor: 5 }], undefined, 10_000).taxMinor).toBe(1);
      expect(invoiceTotals([{ quantity: 1, unitPriceMinor: 4 }], undefined, 10_000).taxMinor).toBe(0);
    });

    it("never discounts more than the subtotal", () => {
      expect(invoiceTotals([{ quantity: 2, unitPriceMinor: 1_000 }], { kind: "fixed", value: 5_000 }, 20_000)).toEqual({
        subtotalMinor: 2_000,
        discountMinor: 2_000,
        taxMinor: 0,
        totalMinor: 0,
      });
      expect(invoiceTotals([{ quantity: 1, unitPriceMinor: 1_000 }], { kind: "percent", value: FULL_PERCENT }, 0).totalMinor).toBe(0);
    });

    it("takes negative (credit) lines into the subtotal", () => {
      expect(
        invoiceTotals(
          [
            { quantity: 4, unitPriceMinor: 3_000 },
            { quantity: 1, unitPriceMinor: -3_000 },
          ],
          undefined,
          0,
        ).subtotalMinor,
      ).toBe(9_000);
      expect(lineTotal({ quantity: 3, unitPriceMinor: -333 })).toBe(-999);
    });

    it("stays exact at the largest amounts", () => {
      const totals = invoiceTotals([{ quantity: 1, unitPriceMinor: MAX_AMOUNT_MINOR }], { kind: "percent", value: 33_333 }, 8_875);
      expect(totals.discountMinor).toBe(333_330_000);
      // 8.875 % of 666 670 000 = 59 166 962.5 → 59 166 963.
      expect(totals.taxMinor).toBe(59_166_963);
      expect(totals.totalMinor).toBe(666_670_000 + 59_166_963);
    });
  });

  describe("allocate", () => {
    const open = [
      { invoiceId: "a", balanceDueMinor: 1_000 },
      { invoiceId: "b", balanceDueMinor: 2_500 },
      { invoiceId: "c", balanceDueMinor: 0 },
    ];

    it("pays the preferred invoice first, then the others in order, and keeps the rest as credit", () => {
      expect(allocate(3_000, open, "b")).toEqual({
        allocations: [
          { invoiceId: "b", amountMinor: 2_500 },
          { invoiceId: "a", amountMinor: 500 },
        ],
        unallocatedMinor: 0,
      });
      expect(allocate(4_000, open)).toEqual({
        allocations: [
          { invoiceId: "a", amountMinor: 1_000 },
          { invoiceId: "b", amountMinor: 2_500 },
        ],
        unallocatedMinor: 500,
      });
      expect(allocate(999, open)).toEqual({ allocations: [{ invoiceId: "a", amountMinor: 999 }], unallocatedMinor: 0 });
      expect(allocate(700, [])).toEqual({ allocations: [], unallocatedMinor: 700 });
    });
  });

  it("formats minor units in the currency's own digits", () => {
    expect(formatMoney(123_450, "GBP")).toBe("£1,234.50");
    expect(formatMoney(13_250, "USD")).toBe("$132.50");
    expect(formatMoney(1_235, "JPY")).toBe("¥1,235");
    expect(formatMoney(1_234, "BHD")).toBe("BHD\u00a01.234");
    expect(formatMoney(-1_250, "EUR")).toBe("-€12.50");
    expect([minorDigits("USD"), minorDigits("JPY"), minorDigits("BHD")]).toEqual([2, 0, 3]);
  });

  it("writes money as the studio's region does, the same in emails and pages", () => {
    expect(formatMoney(5_250, "AUD", "AU")).toBe("$52.50");
    expect(formatMoney(5_250, "AUD", "US")).toBe("A$52.50");
    expect(formatMoney(5_250, "CAD", "ca")).toBe("$52.50");
    expect(formatMoney(12_345_650, "INR", "IN")).toBe("₹1,23,456.50");
    // No usable country: the currency's own region.
    expect(formatMoney(5_250, "NZD", "New Zealand")).toBe("$52.50");
  });
});

describe("localeFor: English with the studio's regional conventions", () => {
  it.each([
    ["US", "USD", "en-US"],
    ["gb", "GBP", "en-GB"],
    ["DE", "EUR", "en-DE"],
    [null, "AUD", "en-AU"],
    ["United States", "USD", "en-US"],
    [null, "EUR", "en-150"],
    [null, "XOF", "en-GB"],
    [undefined, undefined, "en-GB"],
  ])("country %s, currency %s → %s", (country, currency, locale) => {
    expect(localeFor(country, currency)).toBe(locale);
  });
});
