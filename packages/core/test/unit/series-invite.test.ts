import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { seriesInvite, seriesRule } from "../../src/planning/series/series-event";
import { occurrenceDates } from "../../src/planning/patterns/occurrences";
import { occurrenceLesson } from "../../src/planning/patterns/pattern-lessons";
import type { PatternRecord } from "../../src/planning/patterns/pattern-view";
import { addDays, localParts, weekdayOf, zonedInstant } from "../../src/kernel/time/wall-clock";

const ZONE = "America/New_York";
const studio = { name: "Harmony House", email: "desk@harmony.test", timeZone: ZONE };
const people = { students: new Map([["s1", { name: "Sam Student" }]]), teachers: new Map([["t1", "Tess Teacher"]]) };

const pattern = (frequency: PatternRecord["frequency"], startDate: string, endDate?: string): PatternRecord => ({
  studioId: "studio",
  patternId: "p1",
  teacherId: "t1",
  studentId: "s1",
  studentIds: ["s1"],
  type: "private",
  frequency,
  dayOfWeek: weekdayOf(startDate),
  startTime: "16:00",
  durationMinutes: 45,
  startDate,
  ...(endDate ? { endDate } : {}),
  isActive: true,
  version: 1,
  revision: 2,
  createdAt: "2026-11-01T10:00:00.000Z",
  updatedAt: "2026-11-02T10:00:00.000Z",
});

/** The invitation parsed back with its VTIMEZONE registered, and ical.js's expansion of the series (at most `limit`). */
function expanded(text: string, limit: number) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  const out: Date[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && out.length < limit; next = it.next()) out.push(next.toJSDate());
  return { event, occurrences: out };
}

describe("a recurring pattern as one calendar series", () => {
  it("writes the RRULE of each frequency (the 5th weekday of a month is its last), UNTIL at the last occurrence's start in UTC", () => {
    expect(seriesRule(pattern("weekly", "2026-12-08"), ZONE)).toBe("RRULE:FREQ=WEEKLY;BYDAY=TU");
    expect(seriesRule(pattern("biweekly", "2026-12-08", "2027-01-20"), ZONE)).toBe("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;WKST=MO;UNTIL=20270119T210000Z");
    expect(seriesRule(pattern("monthly", "2026-12-08"), ZONE)).toBe("RRULE:FREQ=MONTHLY;BYDAY=2TU");
    expect(seriesRule(pattern("monthly", "2026-12-29"), ZONE)).toBe("RRULE:FREQ=MONTHLY;BYDAY=-1TU");
  });

  it.each([
    ["weekly", "2026-12-08"],
    ["biweekly", "2026-12-08"],
    ["monthly", "2026-12-29"],
  ] as const)("%s without end: ical.js finds the pattern's own dates for three years, each at 16:00 local across every DST change", (frequency, start) => {
    const p = pattern(frequency, start);
    const until = addDays(start, 3 * 365);
    const dates = occurrenceDates(p, start, until);
    const ics = seriesInvite(studio, p, people, "REQUEST", { name: "Mina", email: "mina@family.test" }, { excluded: [dates[2]!], moved: [] }).ics;
    expect(ics).toContain(`EXDATE;TZID=${ZONE}:${dates[2]!.replace(/-/g, "")}T160000`);
    const { event, occurrences } = expanded(ics, dates.length - 1);
    expect(event.uid).toBe("p1@studiosync");
    expect(event.sequence).toBe(2);
    expect(occurrences.map((d) => localParts(d, ZONE).date)).toEqual(dates.filter((_, i) => i !== 2));
    expect(new Set(occurrences.map((d) => localParts(d, ZONE).time))).toEqual(new Set(["16:00"]));
    expect(new Set(occurrences.map((d) => d.toISOString().slice(11, 16)))).toEqual(new Set(["21:00", "20:00"]));
  });

  it("adds back a lesson kept after the series' end (RDATE) at its changed time, as an occurrence of its own", () => {
    const p = pattern("weekly", "2026-12-08", "2026-12-22");
    const keptStart = zonedInstant("2027-01-05", "16:00", ZONE).toISOString();
    const kept = {
      ...occurrenceLesson(p, p, "2027-01-05", { timeZone: ZONE, actorId: "u", now: new Date("2026-12-01T00:00:00Z") }),
      scheduledStart: zonedInstant("2027-01-05", "18:00", ZONE).toISOString(),
      scheduledEnd: zonedInstant("2027-01-05", "18:45", ZONE).toISOString(),
      editedByHand: true,
    };
    const ics = seriesInvite(studio, p, people, "REQUEST", { name: "Mina", email: "mina@family.test" }, { excluded: [], moved: [], kept: [kept] }).ics;
    const { occurrences } = expanded(ics, 10);
    expect(occurrences.map((d) => d.toISOString())).toContain(keptStart);
    expect(occurrences.map((d) => localParts(d, ZONE).date)).toEqual(["2026-12-08", "2026-12-15", "2026-12-22", "2027-01-05"]);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const override = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v))[1]!;
    expect(override.recurrenceId!.toJSDate().toISOString()).toBe(keptStart);
    expect(localParts(override.startDate.toJSDate(), ZONE).time).toBe("18:00");
  });

  it("CANCELs the whole series when it ends before its first occurrence", () => {
    const calendar = seriesInvite(
      studio,
      pattern("weekly", "2026-12-08", "2026-12-07"),
      people,
      "CANCEL",
      { name: "Mina", email: "mina@family.test" },
      { excluded: [], moved: [] },
    );
    expect(calendar.method).toBe("CANCEL");
    expect(calendar.ics).toContain("METHOD:CANCEL");
    expect(calendar.ics).toContain("STATUS:CANCELLED");
  });
});
