import { describe, expect, it } from "vitest";
import {
  firstWeekdayOnOrAfter,
  nextOccurrence,
  nthWeekdayOfMonth,
  occurrenceDates,
  occurrenceInstants,
  ordinalInMonth,
} from "../../src/planning/patterns/occurrences";
import { localParts } from "../../src/kernel/time/wall-clock";

const weekly = (startDate: string, endDate?: string) => ({ frequency: "weekly" as const, startDate, endDate });
const startsOf = (dates: string[], time: string, zone: string) => dates.map((d) => occurrenceInstants(d, time, 45, zone).start);

describe("occurrenceDates", () => {
  it("repeats weekly from the start date, within the window and up to the end date", () => {
    expect(occurrenceDates(weekly("2026-03-03"), "2026-03-01", "2026-03-31")).toEqual(["2026-03-03", "2026-03-10", "2026-03-17", "2026-03-24", "2026-03-31"]);
    expect(occurrenceDates(weekly("2026-03-03"), "2026-03-11", "2026-03-24")).toEqual(["2026-03-17", "2026-03-24"]);
    expect(occurrenceDates(weekly("2026-03-03", "2026-03-17"), "2026-01-01", "2026-12-31")).toEqual(["2026-03-03", "2026-03-10", "2026-03-17"]);
    expect(occurrenceDates(weekly("2026-03-03"), "2026-03-04", "2026-03-09")).toEqual([]);
    expect(occurrenceDates(weekly("2026-03-03", "2026-03-01"), "2026-01-01", "2026-12-31")).toEqual([]);
  });

  it("repeats every other week counted from the start date, whatever the window starts on", () => {
    const biweekly = { frequency: "biweekly" as const, startDate: "2026-03-03" };
    expect(occurrenceDates(biweekly, "2026-03-01", "2026-04-30")).toEqual(["2026-03-03", "2026-03-17", "2026-03-31", "2026-04-14", "2026-04-28"]);
    expect(occurrenceDates(biweekly, "2026-03-10", "2026-04-01")).toEqual(["2026-03-17", "2026-03-31"]);
    expect(occurrenceDates(biweekly, "2026-03-18", "2026-03-30")).toEqual([]);
  });

  it("repeats monthly on the same ordinal weekday (the 2nd Tuesday)", () => {
    const monthly = { frequency: "monthly" as const, startDate: "2026-03-10" };
    expect(ordinalInMonth("2026-03-10")).toBe(2);
    expect(occurrenceDates(monthly, "2026-01-01", "2026-07-31")).toEqual(["2026-03-10", "2026-04-14", "2026-05-12", "2026-06-09", "2026-07-14"]);
    expect(occurrenceDates(monthly, "2026-04-15", "2026-06-09")).toEqual(["2026-05-12", "2026-06-09"]);
  });

  it("takes the last such weekday when the start date is the month's fifth, across a year end", () => {
    const monthly = { frequency: "monthly" as const, startDate: "2026-03-31" };
    expect(ordinalInMonth("2026-03-31")).toBe(5);
    expect(occurrenceDates(monthly, "2026-03-01", "2026-07-31")).toEqual(["2026-03-31", "2026-04-28", "2026-05-26", "2026-06-30", "2026-07-28"]);
    const fifthSaturday = { frequency: "monthly" as const, startDate: "2026-10-31" };
    expect(occurrenceDates(fifthSaturday, "2026-10-01", "2027-02-28")).toEqual(["2026-10-31", "2026-11-28", "2026-12-26", "2027-01-30", "2027-02-27"]);
  });

  it("finds weekdays of a month and the next occurrence on or after a date", () => {
    expect(nthWeekdayOfMonth("2026-02-01", 1, 1)).toBe("2026-02-02");
    expect(nthWeekdayOfMonth("2026-02-01", 1, 5)).toBe("2026-02-23");
    expect(nthWeekdayOfMonth("2026-03-15", 1, 5)).toBe("2026-03-30");
    expect(firstWeekdayOnOrAfter("2026-03-04", 2)).toBe("2026-03-10");
    expect(firstWeekdayOnOrAfter("2026-03-03", 2)).toBe("2026-03-03");
    expect(nextOccurrence({ frequency: "biweekly", startDate: "2026-03-03" }, "2026-03-04")).toBe("2026-03-17");
    expect(nextOccurrence({ frequency: "monthly", startDate: "2026-03-31" }, "2026-04-01")).toBe("2026-04-28");
    expect(nextOccurrence(weekly("2026-03-03", "2026-03-10"), "2026-03-11")).toBeUndefined();
    expect(nextOccurrence(weekly("2027-06-01"), "2026-03-11")).toBe("2027-06-01");
  });
});

describe("occurrenceInstants across DST", () => {
  it("keeps a weekly 16:00 at 16:00 in America/New_York over the spring and autumn changes", () => {
    const zone = "America/New_York";
    const spring = occurrenceDates(weekly("2026-03-03"), "2026-03-01", "2026-03-17");
    expect(startsOf(spring, "16:00", zone)).toEqual(["2026-03-03T21:00:00.000Z", "2026-03-10T20:00:00.000Z", "2026-03-17T20:00:00.000Z"]);
    const autumn = occurrenceDates(weekly("2026-10-20"), "2026-10-01", "2026-11-03");
    expect(startsOf(autumn, "16:00", zone)).toEqual(["2026-10-20T20:00:00.000Z", "2026-10-27T20:00:00.000Z", "2026-11-03T21:00:00.000Z"]);
    for (const start of startsOf([...spring, ...autumn], "16:00", zone)) expect(localParts(start, zone).time).toBe("16:00");
  });

  it("keeps a weekly 16:00 at 16:00 in Europe/London over the spring and autumn changes", () => {
    const zone = "Europe/London";
    const spring = occurrenceDates(weekly("2026-03-19"), "2026-03-01", "2026-04-02");
    expect(startsOf(spring, "16:00", zone)).toEqual(["2026-03-19T16:00:00.000Z", "2026-03-26T16:00:00.000Z", "2026-04-02T15:00:00.000Z"]);
    const autumn = occurrenceDates(weekly("2026-10-22"), "2026-10-01", "2026-10-29");
    expect(startsOf(autumn, "16:00", zone)).toEqual(["2026-10-22T15:00:00.000Z", "2026-10-29T16:00:00.000Z"]);
  });

  it("keeps the real length of a lesson that spans a change, and moves a time inside the gap forward", () => {
    // Sunday 8 March 2026, New York: 02:00 EST jumps to 03:00 EDT.
    const sundays = occurrenceDates(weekly("2026-03-01"), "2026-03-01", "2026-03-15");
    expect(startsOf(sundays, "02:30", "America/New_York")).toEqual(["2026-03-01T07:30:00.000Z", "2026-03-08T07:30:00.000Z", "2026-03-15T06:30:00.000Z"]);
    expect(localParts("2026-03-08T07:30:00.000Z", "America/New_York").time).toBe("03:30");
    const gap = occurrenceInstants("2026-03-29", "01:30", 60, "Europe/London");
    expect(gap).toEqual({ start: "2026-03-29T01:30:00.000Z", end: "2026-03-29T02:30:00.000Z" });
    expect(localParts(gap.start, "Europe/London").time).toBe("02:30");
    // Autumn: 01:30 happens twice in New York on 1 November 2026; the first (EDT) is taken.
    expect(occurrenceInstants("2026-11-01", "01:30", 60, "America/New_York")).toEqual({ start: "2026-11-01T05:30:00.000Z", end: "2026-11-01T06:30:00.000Z" });
  });
});
