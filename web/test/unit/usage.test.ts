import { describe, expect, it } from "vitest";
import {
  barHeights,
  bytesWords,
  emailKindWords,
  countWords,
  gbMonthsWords,
  isMonth,
  isUsageMetric,
  lineFigure,
  marksNotFoundWords,
  metricTabs,
  metricTitle,
  monthLabel,
  priceSentence,
  shortMonthLabel,
  unitPriceWords,
  usageHref,
  usageMarksHref,
} from "../../src/lib/usage";

const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
const BASE = "/dashboard/studios/s1";
const PRICE = {
  version: "2026-01",
  from: "2026-01",
  freeActiveStudents: 5,
  perActiveStudentMinor: 150,
  freeEmails: 500,
  perThousandEmailsMinor: 100,
  freeStorageGbMonths: 1,
  perGbMonthMinor: 10,
};

describe("usage words", () => {
  it("names months as the studio's calendar months, with no zone shift", () => {
    expect(monthLabel("2026-12")).toBe("December 2026");
    expect(monthLabel("2027-01")).toBe("January 2027");
    expect(monthLabel("2026-12", "en-US")).toBe("December 2026");
    expect(shortMonthLabel("2026-12")).toBe("Dec");
    expect(shortMonthLabel("2026-06")).toBe("Jun");
  });

  it("knows the months and metrics the API lists", () => {
    expect(isMonth("2026-12")).toBe(true);
    expect(isMonth("2026-13")).toBe(false);
    expect(isMonth("2026-1")).toBe(false);
    expect(isMonth("december")).toBe(false);
    for (const metric of ["activeStudents", "lessonsHeld", "emailsSent", "storage"]) expect(isUsageMetric(metric)).toBe(true);
    expect(isUsageMetric("students")).toBe(false);
    expect(isUsageMetric("")).toBe(false);
  });

  it("titles a month's list and links its four lists", () => {
    expect(metricTitle("activeStudents", "December 2026")).toBe("Active students — December 2026");
    expect(metricTitle("storage", "December 2026")).toBe("Storage — December 2026");
    expect(usageHref(BASE)).toBe(`${BASE}/settings/usage`);
    expect(usageMarksHref(BASE, "2026-12", "emailsSent")).toBe(`${BASE}/settings/usage/2026-12/emailsSent`);
    expect(metricTabs(BASE, "2026-12", "lessonsHeld")).toEqual([
      { href: `${BASE}/settings/usage/2026-12/activeStudents`, label: "Active students", current: false },
      { href: `${BASE}/settings/usage/2026-12/lessonsHeld`, label: "Lessons held", current: true },
      { href: `${BASE}/settings/usage/2026-12/emailsSent`, label: "Emails sent", current: false },
      { href: `${BASE}/settings/usage/2026-12/storage`, label: "Storage", current: false },
    ]);
    expect(metricTabs(BASE, "2026-12", "nonsense").some((tab) => tab.current)).toBe(false);
  });

  it("says what to do about a list that doesn't exist: another of the month's lists, or another month", () => {
    expect(marksNotFoundWords(true)).toContain("Choose one of the month's lists above");
    expect(marksNotFoundWords(false)).toBe("That isn't a month we keep usage for. Choose a month on the usage page.");
  });

  it("writes counts, GB-months and bytes in words", () => {
    expect(countWords(1, "student", "students")).toBe("1 student");
    expect(countWords(0, "student", "students")).toBe("0 students");
    expect(countWords(1204, "email", "emails")).toBe("1,204 emails");
    expect(gbMonthsWords(0)).toBe("0 GB-months");
    expect(gbMonthsWords(1)).toBe("1 GB-month");
    expect(gbMonthsWords(0.125)).toBe("0.125 GB-months");
    expect(gbMonthsWords(2.5)).toBe("2.5 GB-months");
    expect(gbMonthsWords(0.0004)).toBe("0 GB-months");
    expect(gbMonthsWords(1.5, "de-DE")).toBe("1,5 GB-months");
    expect(bytesWords(0)).toBe("0 bytes");
    expect(bytesWords(1)).toBe("1 byte");
    expect(bytesWords(1023)).toBe("1,023 bytes");
    expect(bytesWords(1024)).toBe("1 KB");
    expect(bytesWords(1536)).toBe("1.5 KB");
    expect(bytesWords(13_002_342)).toBe("12.4 MB");
    expect(bytesWords(2 ** 30)).toBe("1 GB");
    expect(bytesWords(2.25 * 2 ** 30)).toBe("2.25 GB");
    expect(bytesWords(3 * 2 ** 40)).toBe("3 TB");
    expect(bytesWords(5000 * 2 ** 40)).toBe("5,000 TB");
  });

  it("reads a bill line's figures and price in its unit", () => {
    expect(lineFigure("activeStudents", 12)).toBe("12");
    expect(lineFigure("emailsSent", 1500)).toBe("1,500");
    expect(lineFigure("storage", 0.25)).toBe("0.25 GB-months");
    expect(unitPriceWords({ metric: "activeStudents", unitPriceMinor: 150, per: 1 }, money)).toBe("$1.50 a student");
    expect(unitPriceWords({ metric: "emailsSent", unitPriceMinor: 100, per: 1000 }, money)).toBe("$1.00 per 1,000 emails");
    expect(unitPriceWords({ metric: "storage", unitPriceMinor: 10, per: 1 }, money)).toBe("$0.10 per GB-month");
    expect(unitPriceWords({ metric: "other", unitPriceMinor: 10, per: 1 }, money)).toBe("$0.10 each");
  });

  it("explains the price in force in one sentence", () => {
    expect(priceSentence(PRICE, money)).toBe(
      "Each month the first 5 active students, 500 emails and 1 GB-month of storage are free; beyond them StudioSync charges " +
        "$1.50 a student, $1.00 per 1,000 emails and $0.10 per GB-month (price 2026-01, in force since January 2026).",
    );
    expect(priceSentence({ ...PRICE, freeActiveStudents: 1, freeEmails: 1000, freeStorageGbMonths: 0.5 }, money)).toContain(
      "the first 1 active student, 1,000 emails and 0.5 GB-months of storage are free",
    );
  });
});

describe("the chart's bars", () => {
  it("scales the largest value to the plot's height and the rest in proportion", () => {
    expect(barHeights([0, 50, 100, 25], 120)).toEqual([0, 60, 120, 30]);
    expect(barHeights([3, 1], 100)).toEqual([100, 33]);
  });

  it("keeps a small value visible and nothing at nothing", () => {
    expect(barHeights([1, 1000], 120)).toEqual([2, 120]);
    expect(barHeights([1, 1000], 120, 4)).toEqual([4, 120]);
    expect(barHeights([0, 1000], 120)).toEqual([0, 120]);
  });

  it("draws no bars, and divides by nothing, when every month is nothing", () => {
    expect(barHeights([0, 0, 0], 120)).toEqual([0, 0, 0]);
    expect(barHeights([], 120)).toEqual([]);
    expect(barHeights([-5, 0], 120)).toEqual([0, 0]);
  });

  it("never draws past the plot", () => {
    for (const values of [[1], [7, 7, 7], [1, 2, 3, 1_000_000], [0.001, 0.002]])
      for (const height of barHeights(values, 120)) {
        expect(height).toBeGreaterThanOrEqual(0);
        expect(height).toBeLessThanOrEqual(120);
      }
    expect(barHeights([5], 1)).toEqual([1]);
  });
});

describe("an email's kind in words", () => {
  it("reads the message id's kind as a phrase", () => {
    expect(emailKindWords("lesson-reminder")).toBe("Lesson reminder");
    expect(emailKindWords("invoice")).toBe("Invoice");
    expect(emailKindWords("")).toBe("Email");
  });
});
