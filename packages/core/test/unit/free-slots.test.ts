import { describe, expect, it } from "vitest";
import { hoursProblems } from "../../src/scheduling/availability/weekly-hours";
import { computeFreeSlots, type SlotSearchInput } from "../../src/scheduling/free-slots/compute-free-slots";
import { zonedInstant } from "../../src/kernel/time/wall-clock";

const NY = "America/New_York";
const LONG_AGO = new Date("2020-01-01T00:00:00Z");

/** A search in New York with nothing booked, nothing closed and "now" long before the range. */
const search = (overrides: Partial<SlotSearchInput>): SlotSearchInput => ({
  timeZone: NY,
  from: "2026-03-10",
  to: "2026-03-10",
  durationMinutes: 60,
  stepMinutes: 15,
  weeklyHours: [],
  closures: [],
  teacherBookings: [],
  teacherBufferMinutes: 0,
  otherBookings: [],
  now: LONG_AGO,
  ...overrides,
});

/** "date HH:MM" of each slot's local start. */
const starts = (input: SlotSearchInput) => computeFreeSlots(input).map((s) => `${s.local.date} ${s.local.startTime}`);
/** A booking at local times on a New York date. */
const booking = (date: string, start: string, end: string, lessonId = "lesson-1") => ({
  lessonId,
  start: zonedInstant(date, start, NY).toISOString(),
  end: zonedInstant(date, end, NY).toISOString(),
});

// 2026-03-10 is a Tuesday (weekday 2).
describe("computeFreeSlots", () => {
  it("steps through each working range of the weekday, ending by the range's end", () => {
    const slots = computeFreeSlots(
      search({
        weeklyHours: [
          { weekday: 2, start: "14:00", end: "15:30" },
          { weekday: 2, start: "09:00", end: "10:00" },
          { weekday: 3, start: "09:00", end: "17:00" },
        ],
      }),
    );
    expect(slots.map((s) => s.local.startTime)).toEqual(["09:00", "14:00", "14:15", "14:30"]);
    expect(slots[0]).toEqual({
      start: "2026-03-10T13:00:00.000Z",
      end: "2026-03-10T14:00:00.000Z",
      local: { date: "2026-03-10", startTime: "09:00", endTime: "10:00", timeZone: NY },
    });
  });

  it("keeps working hours at local time across the spring-forward change in America/New_York", () => {
    // 2026-03-08 (Sunday): 02:00 EST jumps to 03:00 EDT.
    const slots = computeFreeSlots(
      search({
        from: "2026-03-07",
        to: "2026-03-09",
        durationMinutes: 60,
        stepMinutes: 60,
        weeklyHours: [
          { weekday: 6, start: "09:00", end: "10:00" },
          { weekday: 7, start: "09:00", end: "10:00" },
          { weekday: 1, start: "09:00", end: "10:00" },
        ],
      }),
    );
    expect(slots.map((s) => [s.local.date, s.local.startTime, s.start])).toEqual([
      ["2026-03-07", "09:00", "2026-03-07T14:00:00.000Z"],
      ["2026-03-08", "09:00", "2026-03-08T13:00:00.000Z"],
      ["2026-03-09", "09:00", "2026-03-09T13:00:00.000Z"],
    ]);
  });

  it("gives a range spanning the change its real length: an hour shorter in spring, an hour longer in autumn", () => {
    const spring = computeFreeSlots(
      search({ from: "2026-03-08", to: "2026-03-08", stepMinutes: 60, weeklyHours: [{ weekday: 7, start: "01:00", end: "04:00" }] }),
    );
    expect(spring.map((s) => [s.start, s.local.startTime, s.local.endTime])).toEqual([
      ["2026-03-08T06:00:00.000Z", "01:00", "03:00"],
      ["2026-03-08T07:00:00.000Z", "03:00", "04:00"],
    ]);
    // 2026-11-01 (Sunday): 02:00 EDT falls back to 01:00 EST; 01:00–02:00 happens twice.
    const autumn = computeFreeSlots(
      search({ from: "2026-11-01", to: "2026-11-01", stepMinutes: 60, weeklyHours: [{ weekday: 7, start: "01:00", end: "03:00" }] }),
    );
    expect(autumn.map((s) => [s.start, s.local.startTime])).toEqual([
      ["2026-11-01T05:00:00.000Z", "01:00"],
      ["2026-11-01T06:00:00.000Z", "01:00"],
      ["2026-11-01T07:00:00.000Z", "02:00"],
    ]);
  });

  it("keeps the teacher's buffer free before and after each booking", () => {
    const hours = [{ weekday: 2, start: "09:00", end: "13:00" }];
    const taken = [booking("2026-03-10", "10:00", "11:00")];
    expect(starts(search({ weeklyHours: hours, teacherBookings: taken }))).toEqual(
      ["09:00", "11:00", "11:15", "11:30", "11:45", "12:00"].map((t) => `2026-03-10 ${t}`),
    );
    expect(starts(search({ weeklyHours: hours, teacherBookings: taken, teacherBufferMinutes: 15 }))).toEqual(
      ["11:15", "11:30", "11:45", "12:00"].map((t) => `2026-03-10 ${t}`),
    );
    const shorter = starts(search({ weeklyHours: hours, durationMinutes: 30, teacherBookings: taken, teacherBufferMinutes: 15 }));
    expect(shorter.slice(0, 3)).toEqual(["2026-03-10 09:00", "2026-03-10 09:15", "2026-03-10 11:15"]);
  });

  it("leaves out every slot a booking overlaps even partly, including one that starts before the working hours", () => {
    const hours = [{ weekday: 2, start: "09:00", end: "11:00" }];
    expect(starts(search({ weeklyHours: hours, durationMinutes: 45, teacherBookings: [booking("2026-03-10", "09:30", "10:00")] }))).toEqual([
      "2026-03-10 10:00",
      "2026-03-10 10:15",
    ]);
    expect(starts(search({ weeklyHours: hours, teacherBookings: [booking("2026-03-10", "08:30", "09:10")] }))).toEqual([
      "2026-03-10 09:15",
      "2026-03-10 09:30",
      "2026-03-10 09:45",
      "2026-03-10 10:00",
    ]);
  });

  it("keeps clear of a student's bookings without the teacher's buffer", () => {
    const slots = starts(
      search({
        weeklyHours: [{ weekday: 2, start: "09:00", end: "11:00" }],
        teacherBufferMinutes: 30,
        otherBookings: [booking("2026-03-10", "09:00", "10:00", "other")],
      }),
    );
    expect(slots).toEqual(["2026-03-10 10:00"]);
  });

  it("has nothing on a closure's dates (inclusive) and nothing without working hours", () => {
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "10:00" }));
    const week = search({ from: "2026-03-09", to: "2026-03-13", weeklyHours: hours, closures: [{ startDate: "2026-03-10", endDate: "2026-03-12" }] });
    expect(starts(week)).toEqual(["2026-03-09 09:00", "2026-03-13 09:00"]);
    expect(starts({ ...week, weeklyHours: [] })).toEqual([]);
  });

  it("leaves out the past", () => {
    const hours = [{ weekday: 2, start: "09:00", end: "11:00" }];
    const now = new Date(zonedInstant("2026-03-10", "09:40", NY).getTime());
    expect(starts(search({ weeklyHours: hours, now }))).toEqual(["2026-03-10 09:45", "2026-03-10 10:00"]);
  });

  it("runs a range ending at 24:00 up to local midnight", () => {
    const slots = computeFreeSlots(search({ stepMinutes: 60, weeklyHours: [{ weekday: 2, start: "22:00", end: "24:00" }] }));
    expect(slots.map((s) => [s.local.startTime, s.local.endTime, s.end])).toEqual([
      ["22:00", "23:00", "2026-03-11T03:00:00.000Z"],
      ["23:00", "00:00", "2026-03-11T04:00:00.000Z"],
    ]);
  });
});

describe("hoursProblems", () => {
  it("accepts touching ranges and the same times on different weekdays", () => {
    expect(
      hoursProblems([
        { weekday: 1, start: "09:00", end: "12:00" },
        { weekday: 1, start: "12:00", end: "15:00" },
        { weekday: 2, start: "09:00", end: "12:00" },
        { weekday: 2, start: "18:00", end: "24:00" },
      ]),
    ).toEqual([]);
  });

  it("names an end not after its start and a range overlapping another of its weekday", () => {
    expect(
      hoursProblems([
        { weekday: 1, start: "13:00", end: "17:00" },
        { weekday: 1, start: "10:00", end: "10:00" },
        { weekday: 1, start: "09:00", end: "13:30" },
        { weekday: 3, start: "09:00", end: "10:00" },
        { weekday: 3, start: "09:00", end: "10:00" },
      ]),
    ).toEqual([
      { index: 0, field: "start", message: "overlaps 09:00–13:30 on the same weekday" },
      { index: 1, field: "end", message: "must be after start" },
      { index: 4, field: "start", message: "overlaps 09:00–10:00 on the same weekday" },
    ]);
  });
});
