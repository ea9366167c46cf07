import { describe, expect, it } from "vitest";
import { minorDigits, moneyToInput, parseMoney, parsePercent, parseScaled, percentToInput } from "../../src/lib/money-input";

const value = (parsed: ReturnType<typeof parseScaled>) => (parsed.ok ? parsed.value : parsed.reason);

describe("money input", () => {
  it("turns decimal strings into exact minor units, never through floats", () => {
    expect(value(parseMoney("52.50", "GBP"))).toBe(5250);
    expect(value(parseMoney("52.5", "GBP"))).toBe(5250);
    expect(value(parseMoney("52", "GBP"))).toBe(5200);
    expect(value(parseMoney(".5", "GBP"))).toBe(50);
    expect(value(parseMoney("0.29", "GBP"))).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
    expect(value(parseMoney("1.15", "USD"))).toBe(115); // 1.15 * 100 = 114.99999999999999
    expect(value(parseMoney("4.35", "EUR"))).toBe(435);
    expect(value(parseMoney("10000000.00", "GBP"))).toBe(1_000_000_000);
    expect(value(parseMoney("007.10", "GBP"))).toBe(710);
  });

  it("accepts spaces, a currency symbol and thousands commas", () => {
    expect(value(parseMoney(" £1,234.56 ", "GBP"))).toBe(123456);
    expect(value(parseMoney("$ 12", "USD"))).toBe(1200);
    expect(value(parseMoney("12 000", "EUR"))).toBe(1_200_000);
  });

  it("follows the currency's minor unit", () => {
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("BHD")).toBe(3);
    expect(value(parseMoney("1500", "JPY"))).toBe(1500);
    expect(value(parseMoney("1.5", "JPY"))).toBe("Enter a whole amount, with no decimals.");
    expect(value(parseMoney("1.234", "BHD"))).toBe(1234);
  });

  it("refuses what is not an amount, in plain words", () => {
    expect(value(parseMoney("", "GBP"))).toBe("Enter an amount, like 12.50.");
    expect(value(parseMoney("12.345", "GBP"))).toBe("Use at most 2 decimal places.");
    expect(value(parseMoney("12,34", "GBP"))).toBe("Enter an amount in figures, like 12.50.");
    expect(value(parseMoney("1.2.3", "GBP"))).toBe("Enter an amount in figures, like 12.50.");
    expect(value(parseMoney("1e3", "GBP"))).toBe("Enter an amount in figures, like 12.50.");
    expect(value(parseMoney(".", "GBP"))).toBe("Enter an amount in figures, like 12.50.");
    expect(value(parseMoney("-5", "GBP"))).toBe("Enter an amount above zero.");
    expect(value(parseMoney("10000000.01", "GBP"))).toBe("That amount is too large.");
    expect(value(parseMoney("99999999999999999999", "GBP"))).toBe("That amount is too large.");
  });

  it("allows a negative amount where a credit line may have one", () => {
    expect(value(parseMoney("-5.25", "GBP", { allowNegative: true }))).toBe(-525);
    expect(value(parseMoney("−5", "GBP", { allowNegative: true }))).toBe(-500);
    expect(value(parseMoney("-0", "GBP", { allowNegative: true }))).toBe(0);
  });

  it("reads percentages as thousandths of a percent", () => {
    expect(value(parsePercent("20"))).toBe(20_000);
    expect(value(parsePercent("8.875"))).toBe(8875);
    expect(value(parsePercent("12.5%"))).toBe(12_500);
    expect(value(parsePercent("0"))).toBe(0);
    expect(value(parsePercent("100.001"))).toBe("Enter a percentage from 0 to 100.");
    expect(value(parsePercent("1.2345"))).toBe("Use at most 3 decimal places.");
  });

  it("writes stored amounts back into fields so they parse to the same value", () => {
    expect(moneyToInput(5250, "GBP")).toBe("52.50");
    expect(moneyToInput(5, "GBP")).toBe("0.05");
    expect(moneyToInput(-525, "GBP")).toBe("-5.25");
    expect(moneyToInput(1500, "JPY")).toBe("1500");
    expect(percentToInput(8875)).toBe("8.875");
    expect(percentToInput(20_000)).toBe("20");
    expect(percentToInput(12_500)).toBe("12.5");
    for (const minor of [0, 1, 99, 100, 12345, 1_000_000_000]) expect(value(parseMoney(moneyToInput(minor, "USD"), "USD"))).toBe(minor);
  });
});
