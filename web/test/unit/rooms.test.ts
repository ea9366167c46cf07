import { describe, expect, it } from "vitest";
import { reservationCost } from "@studiosync/core/rooms";
import {
  conflictBooking,
  costSentence,
  daysWindow,
  lengthWords,
  rateWords,
  readRoomForm,
  reservationCostMinor,
  reserveErrors,
  reserveRequest,
  roomChoices,
  roomDays,
  roomFormErrors,
  roomKeyOf,
  roomToValues,
  splitEquipment,
  weekFrom,
  type RoomBooking,
} from "../../src/lib/rooms";
import type { Problem } from "../../src/lib/problem";

const money = (minor: number, currency = "GBP") => `${currency === "GBP" ? "£" : `${currency} `}${(minor / 100).toFixed(2)}`;
const TZ = "Europe/London";
const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};
const problem = (code: string, errors: Problem["errors"] = [], detail?: string): Problem => ({
  type: `urn:studiosync:problem:${code}`,
  title: "x",
  status: 422,
  code,
  errors,
  detail,
});

describe("room words and costs", () => {
  it("charges what the API charges: the hourly rate pro rata, rounded half up", () => {
    for (const rate of [0, 1, 999, 1250, 1333, 2500, 7777])
      for (const minutes of [5, 15, 20, 30, 45, 50, 60, 90, 100, 120, 180])
        expect(reservationCostMinor(rate, minutes), `${rate}/${minutes}`).toBe(reservationCost(rate, minutes));
    expect(reservationCostMinor(1250, 60)).toBe(1250);
    expect(reservationCostMinor(1250, 30)).toBe(625);
    expect(reservationCostMinor(null, 60)).toBe(0);
  });

  it("says lengths, rates and costs in plain words", () => {
    expect([30, 45, 60, 90, 120].map(lengthWords)).toEqual(["30 min", "45 min", "1 h", "1 h 30 min", "2 h"]);
    expect(rateWords(money, { hourlyRateMinor: 1250, currency: "GBP" })).toBe("£12.50 an hour");
    expect(rateWords(money, { hourlyRateMinor: null, currency: "GBP" })).toBe("Free");
    expect(costSentence(money, 1250, 60, "GBP")).toBe("£12.50 for 1 h, added to your next invoice");
    expect(costSentence(money, 0, 30, "GBP")).toBe("Free: no charge for 30 min");
  });
});

describe("the room form", () => {
  it("reads a room: exact money, whole capacity, equipment split and deduplicated, opening hours by weekday", () => {
    const read = readRoomForm(
      form({
        name: " Piano room ",
        capacity: "3",
        hourlyRateMinor: "12.50",
        equipment: "Grand piano, music stand\nMetronome; grand  piano",
        description: "",
        bookableBy: "students",
        "d1-0-start": "09:00",
        "d1-0-end": "12:00",
        "d1-1-start": "13:00",
        "d1-1-end": "21:00",
        "d6-0-start": "10:00",
        "d6-0-end": "16:00",
      }),
      "GBP",
    );
    expect(read.errors).toEqual({});
    expect(read.body).toEqual({
      name: "Piano room",
      capacity: 3,
      hourlyRateMinor: 1250,
      equipment: ["Grand piano", "music stand", "Metronome"],
      description: null,
      bookableBy: "students",
      openingHours: [
        { weekday: 1, start: "09:00", end: "12:00" },
        { weekday: 1, start: "13:00", end: "21:00" },
        { weekday: 6, start: "10:00", end: "16:00" },
      ],
    });
    expect(read.hourFields[2]).toEqual({ start: "d6-0-start", end: "d6-0-end" });
  });

  it("clears what is left empty, and says what it can't read", () => {
    const empty = readRoomForm(form({ name: "Studio B", bookableBy: "anyone" }), "GBP");
    expect(empty.body).toMatchObject({ capacity: null, hourlyRateMinor: null, description: null, bookableBy: "staff", equipment: [], openingHours: [] });
    const bad = readRoomForm(form({ name: "", capacity: "three", hourlyRateMinor: "12.505" }), "GBP");
    expect(Object.keys(bad.errors).sort()).toEqual(["capacity", "hourlyRateMinor", "name"]);
    expect(bad.values.capacity).toBe("three");
  });

  it("puts a stored room back into the form, and the API's errors under the right inputs", () => {
    const values = roomToValues({
      id: "r",
      name: "Piano room",
      capacity: null,
      hourlyRateMinor: 1250,
      currency: "GBP",
      equipment: ["Piano", "Stand"],
      description: null,
      bookableBy: "students",
      openingHours: [{ weekday: 2, start: "09:00", end: "17:00" }],
    });
    expect(values).toMatchObject({
      capacity: "",
      hourlyRateMinor: "12.50",
      equipment: "Piano, Stand",
      description: "",
      hours: { "d2-0-start": "09:00", "d2-0-end": "17:00" },
    });
    const fields = [
      { start: "d1-0-start", end: "d1-0-end" },
      { start: "d3-1-start", end: "d3-1-end" },
    ];
    const errors = roomFormErrors(
      problem("validation_failed", [
        { path: "openingHours.1.end", message: "must be after start" },
        { path: "equipment.0", message: "must be at most 80 characters" },
        { path: "name", message: "is required" },
      ]),
      fields,
    );
    expect(errors).toEqual({ "d3-1-end": "must be after start", equipment: "Each item must be at most 80 characters", name: "is required" });
  });
});

describe("the reservation form", () => {
  it("sends the studio's wall-clock time as an instant, across summer time", () => {
    const summer = reserveRequest({ date: "2026-07-14", time: "16:00", durationMinutes: "60", studentId: "s1", notes: "Exam practice" }, TZ);
    expect(summer).toEqual({ body: { start: "2026-07-14T15:00:00.000Z", durationMinutes: 60, studentId: "s1", notes: "Exam practice" } });
    const winter = reserveRequest({ date: "2026-12-08", time: "16:00", durationMinutes: "30", studentId: "", notes: "" }, TZ);
    expect(winter).toEqual({ body: { start: "2026-12-08T16:00:00.000Z", durationMinutes: 30 } });
  });

  it("asks for what is missing, and a child when a parent must choose", () => {
    const result = reserveRequest({ date: "2026-02-30", time: "4pm", durationMinutes: "", studentId: "", notes: "" }, TZ, { studentRequired: true });
    expect(Object.keys("errors" in result ? result.errors! : {}).sort()).toEqual(["date", "durationMinutes", "studentId", "time"]);
  });

  it("words the API's refusals under the fields", () => {
    const hours = [{ weekday: 1, start: "09:00", end: "21:00" }];
    expect(reserveErrors(problem("reservation.past", [{ path: "start", message: "must be in the future" }]), hours)).toEqual({
      date: "Choose a time that is still to come.",
    });
    expect(reserveErrors(problem("reservation.outside_hours", [{ path: "start", message: "must be within…" }]), hours).time).toContain("Mon 09:00–21:00");
    expect(reserveErrors(problem("lesson.studio_closed", [], "The studio is closed from 2026-12-24 to 2026-12-26 (Christmas)"), hours)).toEqual({
      date: "The studio is closed from 2026-12-24 to 2026-12-26 (Christmas)",
    });
    expect(reserveErrors(problem("validation_failed", [{ path: "durationMinutes", message: "must be at least 5" }]), hours)).toEqual({
      durationMinutes: "must be at least 5",
    });
  });

  it("names what is in the way when the viewer may know it", () => {
    const bookings: RoomBooking[] = [
      { kind: "lesson", id: "l1", start: "2026-12-08T16:00:00.000Z", end: "2026-12-08T17:00:00.000Z", title: "Ana Rivera" },
      { kind: "reservation", id: "", start: "2026-12-08T18:00:00.000Z", end: "2026-12-08T19:00:00.000Z", title: "Taken" },
    ];
    expect(conflictBooking({ lessonId: "l1", start: "2026-12-08T16:00:00.000Z", end: "2026-12-08T17:00:00.000Z" }, bookings)).toMatchObject({
      kind: "lesson",
      title: "Ana Rivera",
      id: "l1",
    });
    expect(conflictBooking({ lessonId: "other", start: "2026-12-08T18:00:00.000Z", end: "2026-12-08T19:00:00.000Z" }, bookings)).toMatchObject({
      kind: undefined,
      title: undefined,
    });
  });
});

describe("a room's week", () => {
  const monday = "2026-12-07";
  const at = (date: string, time: string) => new Date(`${date}T${time}:00.000Z`).toISOString(); // London is on UTC in December
  const hours = [
    { weekday: 1, start: "09:00", end: "12:00" },
    { weekday: 1, start: "13:00", end: "21:00" },
    { weekday: 2, start: "09:00", end: "21:00" },
  ];

  it("lists each day's opening hours, bookings and the free times left", () => {
    const bookings: RoomBooking[] = [
      { kind: "lesson", id: "l1", start: at(monday, "09:30"), end: at(monday, "10:00"), title: "Ana" },
      { kind: "reservation", id: "r1", start: at(monday, "11:50"), end: at(monday, "13:30"), title: "Reserved by Ada" },
      { kind: "lesson", id: "l2", start: at(monday, "20:50"), end: at(monday, "21:00"), title: "Ben" },
    ];
    const [mon, tue, wed] = roomDays(weekFrom(monday).slice(0, 3), hours, bookings, TZ, new Date(`${monday}T00:00:00Z`));
    expect(mon!.open).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "13:00", end: "21:00" },
    ]);
    expect(mon!.busy.map((b) => `${b.from}–${b.to}`)).toEqual(["09:30–10:00", "11:50–13:30", "20:50–21:00"]);
    // 09:00–09:30 is kept (≥ 15 min), 10:00–11:50 too; 20:50–21:00 is booked; nothing under 15 minutes.
    expect(mon!.free).toEqual([
      { start: "09:00", end: "09:30" },
      { start: "10:00", end: "11:50" },
      { start: "13:30", end: "20:50" },
    ]);
    expect(tue!.free).toEqual([{ start: "09:00", end: "21:00" }]);
    expect(wed).toMatchObject({ open: [], busy: [], free: [] });
  });

  it("starts today's free time at the next quarter hour, and clips bookings that cross midnight", () => {
    const overnight: RoomBooking = { kind: "reservation", id: "r", start: at("2026-12-08", "22:00"), end: at("2026-12-09", "01:00"), title: "Late" };
    const [mon, tue, wed] = roomDays(weekFrom(monday).slice(0, 3), hours, [overnight], TZ, new Date(`${monday}T14:07:00Z`));
    expect(mon!.free).toEqual([{ start: "14:15", end: "21:00" }]);
    expect(tue!.busy.map((b) => `${b.from}–${b.to}`)).toEqual(["22:00–24:00"]);
    expect(wed!.busy.map((b) => `${b.from}–${b.to}`)).toEqual(["00:00–01:00"]);
  });

  it("offers no free times for a room without hours (open whenever the studio is), only what holds it", () => {
    const [day] = roomDays(
      [monday],
      [],
      [{ kind: "lesson", id: "", start: at(monday, "16:00"), end: at(monday, "17:00"), title: "Taken" }],
      TZ,
      new Date(`${monday}T00:00:00Z`),
    );
    expect(day).toMatchObject({ open: null, free: [] });
    expect(day!.busy).toHaveLength(1);
  });

  it("asks the API for whole local days, in summer time too", () => {
    expect(daysWindow("2026-07-13", "2026-07-19", TZ)).toEqual({ from: "2026-07-12T23:00:00.000Z", to: "2026-07-19T23:00:00.000Z" });
  });
});

describe("the lesson forms' room select", () => {
  const rooms = [{ name: "Piano room" }, { name: "Studio B" }];

  it("offers No room and the rooms by name, selecting a lesson's room in any spelling", () => {
    const { options, selected } = roomChoices(rooms, "piano  ROOM");
    expect(options.map((o) => o.value)).toEqual(["", "Piano room", "Studio B"]);
    expect(options[0]!.label).toBe("No room");
    expect(selected).toBe("Piano room");
    expect(roomChoices(rooms, "").selected).toBe("");
  });

  it("keeps a room name that is not on the list, so saving changes nothing", () => {
    const { options, selected } = roomChoices(rooms, "Old hall");
    expect(options.at(-1)).toEqual({ value: "Old hall", label: "Old hall (not on the rooms list)" });
    expect(selected).toBe("Old hall");
  });

  it("normalises names as the API keys rooms", () => {
    expect(roomKeyOf("  Piano   Room ")).toBe("piano room");
    expect(splitEquipment(" , Piano,,piano ; Drum kit\n")).toEqual(["Piano", "Drum kit"]);
  });
});
