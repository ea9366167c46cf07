import { joinLines } from "./ical-text";
import { eventLines, type CalendarEvent } from "./ical-calendar";
import { vtimezoneLines } from "./vtimezone";

export interface InviteInput {
  /** REQUEST adds or updates the event in the attendee's calendar; CANCEL removes it. */
  method: "REQUEST" | "CANCEL";
  timeZone: string;
  event: CalendarEvent;
  /** The event's own further lines: RRULE and EXDATE of a series, RECURRENCE-ID of one occurrence. */
  lines?: string[];
  /** A series' changed occurrences, sent with it (same UID, each with its RECURRENCE-ID in `lines`). */
  overrides?: Array<{ event: CalendarEvent; lines: string[] }>;
  /** A series: the last instant it covers, or null when it has no end (its zone rules then repeat yearly). Absent for one event. */
  until?: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

const mailto = (email: string) => `mailto:${email.trim()}`;

/**
 * An iMIP message body (RFC 6047 / RFC 5546): one VEVENT with a stable UID and a SEQUENCE that
 * grows with every change, the studio as ORGANIZER and the recipient as the ATTENDEE, so Google,
 * Apple and Outlook add, move and remove it by themselves. No RSVP is asked for: the studio
 * keeps the schedule, families answer through the links in the email.
 */
export function renderInvite(input: InviteInput): string {
  const { event, timeZone } = input;
  const events = [{ event, lines: input.lines ?? [] }, ...(input.overrides ?? [])];
  const instants = [...events.flatMap((e) => [e.event.start, e.event.end]), ...(input.until ? [input.until] : [])];
  const years = instants.map((instant) => new Date(instant).getUTCFullYear());
  // A series without end needs the zone's rules for every year after: the last year's repeat.
  const endless = input.until === null;
  const toYear = Math.max(...years) + (endless ? 1 : 0);
  const people = [
    `ORGANIZER;CN=${escapeParam(input.organizer.name)}:${mailto(input.organizer.email)}`,
    `ATTENDEE;CN=${escapeParam(input.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:${mailto(input.attendee.email)}`,
  ];
  const status = (e: CalendarEvent): CalendarEvent => (input.method === "CANCEL" ? { ...e, status: "CANCELLED" } : e);
  return joinLines([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//StudioSync//Lesson invitation//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${input.method}`,
    ...vtimezoneLines(timeZone, Math.min(...years), toYear, endless),
    ...events.flatMap((e) => eventLines(status(e.event), timeZone, [...e.lines, ...people])),
    "END:VCALENDAR",
  ]);
}

/** A parameter value (CN) quoted, without the characters a quoted value may not hold. */
const escapeParam = (value: string) => `"${value.replace(/["\r\n\u0000-\u001f]/g, " ").trim()}"`;
