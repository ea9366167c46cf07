import { describe, expect, it } from "vitest";
import { BYTES_PER_GB, PRICE_LIST, priceFor, usageBill, type PlatformPrice } from "../../src/metering";
import { daysInMonth, shiftMonth, usageMonthOf } from "../../src/metering/usage-month-of";

const PRICE: PlatformPrice = {
  version: "test",
  from: "2026-01",
  currency: "USD",
  freeActiveStudents: 5,
  perActiveStudentMinor: 150,
  freeEmails: 500,
  perThousandEmailsMinor: 100,
  freeStorageGbMonths: 1,
  perGbMonthMinor: 10,
};
const line = (bill: ReturnType<typeof usageBill>, metric: string) => bill.lines.find((l) => l.metric === metric)!;

describe("the platform bill of a month's usage", () => {
  it("charges nothing within the free allowances", () => {
    const bill = usageBill("2026-12", { activeStudents: 5, emailsSent: 500, storageByteDays: 31 * BYTES_PER_GB }, PRICE);
    expect(bill.totalMinor).toBe(0);
    expect(bill.priceVersion).toBe("test");
  });

  it("prices the typical studio exactly: 60 students, 1,500 emails, 2 GB all month", () => {
    const bill = usageBill("2026-11", { activeStudents: 60, emailsSent: 1500, storageByteDays: 30 * 2 * BYTES_PER_GB }, PRICE);
    expect(line(bill, "activeStudents")).toMatchObject({ billable: 55, amountMinor: 8250 });
    expect(line(bill, "emailsSent")).toMatchObject({ billable: 1000, amountMinor: 100 });
    expect(line(bill, "storage")).toMatchObject({ used: 2, billable: 1, amountMinor: 10 });
    expect(bill.totalMinor).toBe(8360);
  });

  it("rounds each line once, half up: emails pro rata, storage by the byte-day", () => {
    // 505 emails: 5 beyond the allowance at $1 a thousand is half a cent, rounded up.
    expect(line(usageBill("2026-12", { emailsSent: 505 }, PRICE), "emailsSent").amountMinor).toBe(1);
    expect(line(usageBill("2026-12", { emailsSent: 504 }, PRICE), "emailsSent").amountMinor).toBe(0);
    // 1 GB beyond the allowance for half of a 30-day month: half a GB-month at 10 cents is 5 cents.
    const half = usageBill("2026-11", { storageByteDays: 30 * BYTES_PER_GB + 15 * BYTES_PER_GB }, PRICE);
    expect(line(half, "storage").amountMinor).toBe(5);
    // Storage big enough that byte-days times the price passes 2^53 is still exact.
    const huge = usageBill("2026-12", { storageByteDays: 31 * 100_000 * BYTES_PER_GB }, PRICE);
    expect(line(huge, "storage").amountMinor).toBe(99_999 * 10);
  });

  it("uses the price in force for the month", () => {
    const later: PlatformPrice = { ...PRICE, version: "later", from: "2027-03", perActiveStudentMinor: 200 };
    expect(priceFor("2027-02", [PRICE, later]).version).toBe("test");
    expect(priceFor("2027-03", [PRICE, later]).version).toBe("later");
    expect(priceFor("2030-01").version).toBe(PRICE_LIST.at(-1)!.version);
  });
});

describe("usage months", () => {
  it("dates an instant in the studio's zone, across the year and DST", () => {
    expect(usageMonthOf("2027-01-01T04:59:00.000Z", "America/New_York")).toBe("2026-12");
    expect(usageMonthOf("2027-01-01T05:00:00.000Z", "America/New_York")).toBe("2027-01");
    expect(usageMonthOf("2027-03-31T11:30:00.000Z", "Pacific/Auckland")).toBe("2027-04");
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect([daysInMonth("2028-02"), daysInMonth("2027-02"), daysInMonth("2026-12")]).toEqual([29, 28, 31]);
  });
});
