import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderCalendar, type CalendarEvent } from "../../src/scheduling/ical/ical-calendar";
import { escapeText, foldLine } from "../../src/scheduling/ical/ical-text";
import { lessonEvent, type FeedNames } from "../../src/scheduling/ical/lesson-event";
import type { LessonRecord } from "../../src/scheduling/lessons/lesson-view";
import { zonedInstant } from "../../src/kernel/time/wall-clock";

const event = (uid: string, start: string, minutes = 45, extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid,
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
  summary: "Piano lesson — Tess Teacher with Sam Student",
  status: "CONFIRMED",
  sequence: 0,
  revisedAt: "2026-01-10T12:00:00.000Z",
  ...extra,
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { calendar, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

const offsetTo = (observance: ICAL.Component) => (observance.getFirstPropertyValue("tzoffsetto") as ICAL.UtcOffset).toICALString();

/** A weekly 16:00 local lesson the week before and the week after a DST change, as instants. */
const weekly = (timeZone: string, dates: string[]) => dates.map((date) => zonedInstant(date, "16:00", timeZone).toISOString());

describe("iCal text", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds at 75 octets without splitting a multi-byte character", () => {
    const folded = foldLine(`SUMMARY:${"é".repeat(60)}${"🎹".repeat(20)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(`SUMMARY:${"é".repeat(60)}${"🎹".repeat(20)}`);
    expect(folded).not.toContain("\uFFFD");
  });
});

describe("renderCalendar", () => {
  it("writes CRLF lines of at most 75 octets and round-trips escaped text through ical.js", () => {
    const summary = 'Cello lesson — Zoë O\'Brien, "Jr."; with Sam \\ Student\nsecond line ' + "ü".repeat(80);
    const text = renderCalendar({
      name: "Harmony House, Tess Teacher",
      timeZone: "America/New_York",
      now: new Date("2026-01-10T12:00:00Z"),
      events: [
        event("l1@studiosync", "2026-01-20T21:00:00.000Z", 45, {
          summary,
          location: "Room 2, Main hall; upstairs",
          description: "Join online: https://meet.example/x?a=1,b=2",
        }),
      ],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);

    const { calendar, byUid } = parse(text);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(text).toContain("X-WR-CALNAME:Harmony House\\, Tess Teacher\r\n");
    const parsed = byUid.get("l1@studiosync")!;
    expect(parsed.summary).toBe(summary);
    expect(parsed.location).toBe("Room 2, Main hall; upstairs");
    expect(parsed.description).toBe("Join online: https://meet.example/x?a=1,b=2");
    expect(parsed.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(parsed.sequence).toBe(0);
    expect(parsed.component.getFirstPropertyValue("dtstamp")!.toString()).toBe("2026-01-10T12:00:00Z");
  });

  for (const zone of [
    { timeZone: "America/New_York", spring: ["2026-03-05", "2026-03-12"], fall: ["2026-10-29", "2026-11-05"], offsets: ["-0500", "-0400"] },
    { timeZone: "Europe/London", spring: ["2026-03-26", "2026-04-02"], fall: ["2026-10-22", "2026-10-29"], offsets: ["+0000", "+0100"] },
  ]) {
    it(`keeps a weekly 16:00 lesson at 16:00 ${zone.timeZone} across both DST changes, with the right instants`, () => {
      const starts = weekly(zone.timeZone, [...zone.spring, ...zone.fall]);
      // The instants differ by an hour across each change; local time does not.
      expect(new Set(starts.map((s) => s.slice(11, 16))).size).toBe(2);
      const text = renderCalendar({
        name: "Feed",
        timeZone: zone.timeZone,
        now: new Date("2026-03-01T00:00:00Z"),
        events: starts.map((start, i) => event(`w${i}@studiosync`, start)),
      });
      const { calendar, events } = parse(text);
      expect(events).toHaveLength(4);
      for (const [i, parsed] of events.entries()) {
        expect(parsed.startDate.zone?.tzid).toBe(zone.timeZone);
        expect([parsed.startDate.hour, parsed.startDate.minute]).toEqual([16, 0]);
        expect(parsed.startDate.toJSDate().toISOString()).toBe(starts[i]);
        expect(parsed.endDate.toJSDate().toISOString()).toBe(new Date(Date.parse(starts[i]!) + 45 * 60_000).toISOString());
      }
      expect(text).toContain(`DTSTART;TZID=${zone.timeZone}:${zone.spring[0]!.replace(/-/g, "")}T160000`);

      const vtimezone = calendar.getFirstSubcomponent("vtimezone")!;
      expect(vtimezone.getFirstPropertyValue("tzid")).toBe(zone.timeZone);
      const daylight = vtimezone.getAllSubcomponents("daylight").map((d) => offsetTo(d));
      const standard = vtimezone.getAllSubcomponents("standard").map((d) => offsetTo(d));
      expect(new Set(standard)).toEqual(new Set([zone.offsets[0]]));
      expect(new Set(daylight)).toEqual(new Set([zone.offsets[1]]));
    });
  }

  it("writes the VTIMEZONE observances at the zone's real change times", () => {
    const text = renderCalendar({ name: "Feed", timeZone: "America/New_York", now: new Date("2026-06-01T00:00:00Z"), events: [] });
    expect(text).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT");
    expect(text).toContain("BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nEND:STANDARD");
    const london = renderCalendar({ name: "Feed", timeZone: "Europe/London", now: new Date("2026-06-01T00:00:00Z"), events: [] });
    expect(london).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\nEND:DAYLIGHT");
    expect(london).toContain("BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\nEND:STANDARD");
  });

  it("gives a zone without DST one STANDARD observance", () => {
    const start = zonedInstant("2026-07-01", "17:30", "Asia/Kolkata").toISOString();
    const text = renderCalendar({ name: "Feed", timeZone: "Asia/Kolkata", now: new Date("2026-06-01T00:00:00Z"), events: [event("k@studiosync", start)] });
    const { calendar, events } = parse(text);
    const vtimezone = calendar.getFirstSubcomponent("vtimezone")!;
    expect(vtimezone.getAllSubcomponents("daylight")).toHaveLength(0);
    const standard = vtimezone.getAllSubcomponents("standard");
    expect(standard).toHaveLength(1);
    expect(offsetTo(standard[0]!)).toBe("+0530");
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe(start);
    expect([events[0]!.startDate.hour, events[0]!.startDate.minute]).toEqual([17, 30]);
  });

  it("covers events across a new year, and writes both times of the repeated fall-back hour in UTC", () => {
    const newYear = zonedInstant("2027-01-01", "00:30", "America/New_York").toISOString();
    // 01:30 happens twice on 2026-11-01 in New York: 05:30Z (EDT) and 06:30Z (EST).
    const first = "2026-11-01T05:30:00.000Z";
    const repeated = "2026-11-01T06:30:00.000Z";
    const text = renderCalendar({
      name: "Feed",
      timeZone: "America/New_York",
      now: new Date("2026-10-01T00:00:00Z"),
      events: [event("ny@studiosync", newYear), event("second@studiosync", repeated, 30), event("first@studiosync", first, 30)],
    });
    const { byUid } = parse(text);
    expect(byUid.get("ny@studiosync")!.startDate.toJSDate().toISOString()).toBe(newYear);
    expect(byUid.get("second@studiosync")!.startDate.toJSDate().toISOString()).toBe(repeated);
    expect(byUid.get("first@studiosync")!.startDate.toJSDate().toISOString()).toBe(first);
    expect(text).toContain("DTSTART:20261101T053000Z");
    expect(text).toContain("DTSTART:20261101T063000Z");
    expect(text).toContain("DTSTART;TZID=America/New_York:20270101T003000");
  });
});

describe("lessonEvent", () => {
  const names: FeedNames = {
    teachers: new Map([["t1", "Ada Keys"]]),
    students: new Map([
      ["s1", { name: "Sam Student", instrument: "piano" }],
      ["s2", { name: "Bo Bass" }],
    ]),
    bands: new Map([["b1", "The Quavers"]]),
  };
  const lesson = (extra: Partial<LessonRecord> = {}): LessonRecord =>
    ({
      studioId: "st",
      lessonId: "l1",
      teacherId: "t1",
      studentId: "s1",
      studentIds: ["s1"],
      type: "private",
      status: "scheduled",
      scheduledStart: "2026-03-09T20:00:00.000Z",
      scheduledEnd: "2026-03-09T20:45:00.000Z",
      roomKey: "room 2",
      roomName: "Room 2",
      editedByHand: false,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:01:40.000Z",
      ...extra,
    }) as LessonRecord;

  it("names the instrument, the teacher and the student, and places it", () => {
    const e = lessonEvent(lesson({ location: "Main hall" }), names);
    expect(e).toMatchObject({
      uid: "l1@studiosync",
      summary: "Piano lesson — Ada Keys with Sam Student",
      location: "Room 2, Main hall",
      status: "CONFIRMED",
      sequence: 100,
      revisedAt: "2026-01-01T00:01:40.000Z",
    });
  });

  it("marks a cancelled lesson CANCELLED without its reason, and names a band", () => {
    const e = lessonEvent(
      lesson({
        status: "cancelled",
        bandId: "b1",
        studentId: undefined,
        studentIds: ["s1", "s2"],
        type: "ensemble",
        onlineUrl: "https://meet.example/q",
        cancellation: {
          by: "student",
          reason: "Sick with flu",
          at: "2026-03-08T00:00:00.000Z",
          actorId: "u",
          noticeHours: 44,
          outcome: "credit_issued",
          explanation: "credit issued: 44 h notice",
        },
      }),
      names,
    );
    expect(e.summary).toBe("Ensemble lesson — Ada Keys with The Quavers");
    expect(e.status).toBe("CANCELLED");
    expect(JSON.stringify(e)).not.toContain("flu");
    expect(e.description).toBe("Cancelled.\nJoin online: https://meet.example/q");
  });
});
