import { offsetMinutes } from "../../kernel/time/wall-clock";
import { escapeText, floatingStamp, joinLines, utcStamp } from "./ical-text";
import { vtimezoneLines } from "./vtimezone";

/** One event of a feed, in instants (UTC ISO); the calendar writes them in the studio's zone. */
export interface CalendarEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  location?: string;
  description?: string;
  status: "CONFIRMED" | "CANCELLED";
  /** Grows with every revision, so calendar apps replace their copy. */
  sequence: number;
  /** When the event was last revised (DTSTAMP, LAST-MODIFIED). */
  revisedAt: string;
  createdAt?: string;
}

export interface CalendarDocument {
  /** Shown by calendar apps as the subscription's name. */
  name: string;
  timeZone: string;
  events: CalendarEvent[];
  now: Date;
}

const MINUTE = 60_000;
const HOURS_36 = 36 * 3_600_000;

/**
 * An RFC 5545 iCalendar stream: VCALENDAR with the zone's VTIMEZONE and one VEVENT per event,
 * start and end as local times with `TZID=<zone>`, TEXT escaped, lines folded at 75 octets and
 * ended with CRLF. Pure: the same input gives the same bytes.
 */
export function renderCalendar(doc: CalendarDocument): string {
  const { timeZone } = doc;
  const years = [doc.now, ...doc.events.flatMap((e) => [new Date(e.start), new Date(e.end)])].map((d) => d.getUTCFullYear());
  return joinLines([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//StudioSync//Calendar feed//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(doc.name)}`,
    `X-WR-TIMEZONE:${timeZone}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...vtimezoneLines(timeZone, Math.min(...years), Math.max(...years)),
    ...doc.events.flatMap((event) => eventLines(event, timeZone)),
    "END:VCALENDAR",
  ]);
}

/** One VEVENT; `extra` lines (ORGANIZER, ATTENDEE, RRULE…) go before its end. */
export function eventLines(event: CalendarEvent, timeZone: string, extra: string[] = []): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.revisedAt)}`,
    ...(event.createdAt ? [`CREATED:${utcStamp(event.createdAt)}`] : []),
    `LAST-MODIFIED:${utcStamp(event.revisedAt)}`,
    dateTimeLine("DTSTART", event.start, timeZone),
    dateTimeLine("DTEND", event.end, timeZone),
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    `STATUS:${event.status}`,
    `SEQUENCE:${event.sequence}`,
    ...extra,
    "END:VEVENT",
  ];
}

/** Instants as one property in the zone's local time: `EXDATE;TZID=Europe/London:20261027T160000,…` (RECURRENCE-ID, EXDATE). */
export function zonedLine(name: string, instants: string[], timeZone: string): string {
  const locals = instants.map((instant) => {
    const ms = new Date(instant).getTime();
    return floatingStamp(new Date(ms + offsetMinutes(new Date(ms), timeZone) * MINUTE));
  });
  return `${name};TZID=${timeZone}:${locals.join(",")}`;
}

/**
 * `DTSTART;TZID=America/New_York:20261122T160000`. A local time that happens twice (the hour
 * repeated when clocks go back) is read differently by clients (RFC 5545 §3.3.5 says the first
 * occurrence, ical.js takes the second), so such an instant is written in UTC instead.
 */
function dateTimeLine(name: string, instant: string, timeZone: string): string {
  const ms = new Date(instant).getTime();
  const local = ms + offsetMinutes(new Date(ms), timeZone) * MINUTE;
  if (isRepeatedLocalTime(ms, local, timeZone)) return `${name}:${utcStamp(instant)}`;
  return `${name};TZID=${timeZone}:${floatingStamp(new Date(local))}`;
}

/** Whether another instant near `ms` has the same local wall-clock time. */
function isRepeatedLocalTime(ms: number, local: number, timeZone: string): boolean {
  const nearby = [offsetMinutes(new Date(ms - HOURS_36), timeZone), offsetMinutes(new Date(ms + HOURS_36), timeZone)];
  return nearby.map((offset) => local - offset * MINUTE).some((other) => other !== ms && other + offsetMinutes(new Date(other), timeZone) * MINUTE === local);
}
