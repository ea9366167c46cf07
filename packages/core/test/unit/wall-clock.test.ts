import { describe, expect, it } from "vitest";
import { addDays, addMonths, localParts, weekdayOf, zonedInstant } from "../../src/kernel/time/wall-clock";

describe("wall-clock time in a studio's time zone", () => {
  it("keeps 16:00 local on both sides of a DST change (New York and London)", () => {
    expect(zonedInstant("2026-03-07", "16:00", "America/New_York").toISOString()).toBe("2026-03-07T21:00:00.000Z");
    expect(zonedInstant("2026-03-09", "16:00", "America/New_York").toISOString()).toBe("2026-03-09T20:00:00.000Z");
    expect(zonedInstant("2026-10-24", "16:00", "Europe/London").toISOString()).toBe("2026-10-24T15:00:00.000Z");
    expect(zonedInstant("2026-10-26", "16:00", "Europe/London").toISOString()).toBe("2026-10-26T16:00:00.000Z");
  });

  it("moves a time skipped by spring-forward past the gap, and takes the first of a repeated time", () => {
    expect(localParts(zonedInstant("2026-03-08", "02:30", "America/New_York"), "America/New_York").time).toBe("03:30");
    expect(zonedInstant("2026-11-01", "01:30", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(zonedInstant("2026-10-25", "01:30", "Europe/London").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("reads an instant's local date, time and weekday", () => {
    expect(localParts("2026-11-23T04:30:00Z", "America/Los_Angeles")).toEqual({ date: "2026-11-22", time: "20:30", weekday: 7, minuteOfDay: 1230 });
    expect(localParts("2026-11-23T04:30:00Z", "Asia/Kolkata")).toMatchObject({ date: "2026-11-23", time: "10:00", weekday: 1 });
  });

  it("does date arithmetic on local dates", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(weekdayOf("2026-11-23")).toBe(1);
  });
});
