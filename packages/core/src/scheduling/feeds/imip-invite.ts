import { joinLines } from "./ical-text";
import { eventLines, type CalendarEvent } from "./ical-calendar";
import { vtimezoneLines } from "./vtimezone";

export interface InviteInput {
  /** REQUEST adds or updates the event in the attendee's calendar; CANCEL removes it. */
  method: "REQUEST" | "CANCEL";
  timeZone: string;
  event: CalendarEvent;
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
  const years = [new Date(event.start), new Date(event.end)].map((d) => d.getUTCFullYear());
  const cancelled: CalendarEvent = input.method === "CANCEL" ? { ...event, status: "CANCELLED" } : event;
  return joinLines([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//StudioSync//Lesson invitation//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${input.method}`,
    ...vtimezoneLines(timeZone, Math.min(...years), Math.max(...years)),
    ...eventLines(cancelled, timeZone, [
      `ORGANIZER;CN=${escapeParam(input.organizer.name)}:${mailto(input.organizer.email)}`,
      `ATTENDEE;CN=${escapeParam(input.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:${mailto(input.attendee.email)}`,
    ]),
    "END:VCALENDAR",
  ]);
}

/** A parameter value (CN) quoted, without the characters a quoted value may not hold. */
const escapeParam = (value: string) => `"${value.replace(/["\r\n\u0000-\u001f]/g, " ").trim()}"`;
