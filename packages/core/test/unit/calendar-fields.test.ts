import { describe, expect, it } from "vitest";
import {
  instantField,
  instantProblem,
  localDateField,
  localDateProblem,
  localEndTimeField,
  localTimeField,
  monthField,
  monthProblem,
  personDateField,
} from "../../src/kernel/fields/calendar-fields";

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe("issue 10 #18: calendar validators refuse days that do not exist", () => {
  it("local dates: no 30 February, 31 November, month 13 or day 0; leap days only in leap years", () => {
    for (const bad of [
      "2027-02-30",
      "2025-11-31",
      "2026-13-01",
      "2026-00-10",
      "2026-01-00",
      "2027-02-29",
      "2100-02-29",
      "2026-1-01",
      "26-01-01",
      " 2026-01-01",
      "2026-01-01T00:00Z",
    ]) {
      expect(ok(localDateField, bad), bad).toBe(false);
    }
    for (const good of ["2028-02-29", "2000-02-29", "2026-12-31", "2000-01-01", "2100-12-31"]) expect(ok(localDateField, good), good).toBe(true);
    expect(localDateProblem("2027-02-30")).toBe("must be a real date YYYY-MM-DD");
  });

  it("instants: a real day, hours 00–23, minutes and seconds 00–59, a real offset; normalised to UTC", () => {
    for (const bad of [
      "2027-02-30T10:00Z",
      "2025-11-31T12:00:00Z",
      "2026-03-10T24:00Z",
      "2026-03-10T10:60Z",
      "2026-03-10T10:00:60Z",
      "2026-03-10T10:00+24:00",
      "2026-03-10T10:00+05:60",
      "2026-03-10T10:00",
      "2026-03-10 10:00Z",
      "2026-03-10T10:00z",
    ]) {
      expect(ok(instantField, bad), bad).toBe(false);
    }
    expect(instantField.parse("2026-11-23T16:00:00-05:00")).toBe("2026-11-23T21:00:00.000Z");
    expect(instantField.parse("2028-02-29T23:30+01:00")).toBe("2028-02-29T22:30:00.000Z");
    expect(instantField.parse("2026-03-10T10:00:05.5Z")).toBe("2026-03-10T10:00:05.500Z");
    expect(instantProblem("2027-02-30T10:00Z")).toMatch(/ISO 8601/);
  });

  it("months and local times", () => {
    for (const bad of ["2026-13", "2026-00", "2026-1", "2026-01-01"]) expect(ok(monthField, bad), bad).toBe(false);
    expect(ok(monthField, "2026-12")).toBe(true);
    for (const bad of ["24:00", "12:60", "9:00", "09:00:00"]) expect(ok(localTimeField, bad), bad).toBe(false);
    expect(ok(localTimeField, "23:59")).toBe(true);
    expect(ok(localEndTimeField, "24:00")).toBe(true);
    expect(ok(localEndTimeField, "24:01")).toBe(false);
  });

  it("refuses non-strings and oversized strings with a message, never a throw", () => {
    for (const schema of [instantField, localDateField, monthField, localTimeField]) {
      for (const value of [42, null, {}, [], "x".repeat(10_000)]) expect(ok(schema, value)).toBe(false);
    }
  });
});

describe("issue 10 #24 and #20: years outside a sane range are refused", () => {
  it("schedule, billing and logs: 2000–2100", () => {
    for (const bad of ["0000-01", "0099-12", "1999-12", "2101-01", "9999-12"]) expect(monthProblem(bad), bad).toBe("must be in the years 2000–2100");
    expect(localDateProblem("1999-12-31")).toBe("must be in the years 2000–2100");
    expect(instantProblem("0999-06-01T12:00:00Z")).toBe("must be in the years 2000–2100");
    expect(instantProblem("2101-01-01T00:00:00Z")).toBe("must be in the years 2000–2100");
    expect(ok(instantField, "+010000-01-01T00:00:00Z")).toBe(false);
  });

  it("a person's dates (birth, enrollment): 1900–2100", () => {
    expect(ok(personDateField, "1948-05-17")).toBe(true);
    expect(ok(personDateField, "1899-12-31")).toBe(false);
    expect(ok(personDateField, "1900-02-29")).toBe(false);
  });
});
