import { offsetMinutes } from "../wall-clock";
import { escapeText, floatingStamp, offsetValue } from "./ical-text";
import { standardOffset, transitionsInYear, zoneAbbreviation } from "./zone-transitions";

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The VTIMEZONE component (RFC 5545 §3.6.5) for a zone over the years `fromYear`..`toYear`,
 * built from Intl data: one STANDARD or DAYLIGHT observance per offset change, listed from the
 * year before (so the offset in force on 1 January is covered). A zone without changes in that
 * span gets one STANDARD observance. DTSTART is local time in the offset before the change.
 */
export function vtimezoneLines(timeZone: string, fromYear: number, toYear: number): string[] {
  const transitions = [];
  for (let year = fromYear - 1; year <= toYear; year++) transitions.push(...transitionsInYear(timeZone, year));

  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  // A local time on 1 January of the first year can be 31 December in UTC.
  const mustCover = Date.UTC(fromYear, 0, 1) - DAY;
  if (transitions.length === 0 || transitions[0]!.at > mustCover) {
    const start = Date.UTC(fromYear - 1, 0, 1);
    const offset = offsetMinutes(new Date(start), timeZone);
    lines.push(...observance(timeZone, start, offset, offset));
  }
  for (const t of transitions) lines.push(...observance(timeZone, t.at, t.fromMinutes, t.toMinutes));
  lines.push("END:VTIMEZONE");
  return lines;
}

function observance(timeZone: string, at: number, fromMinutes: number, toMinutes: number): string[] {
  const year = new Date(at).getUTCFullYear();
  const kind = toMinutes > standardOffset(timeZone, year) ? "DAYLIGHT" : "STANDARD";
  return [
    `BEGIN:${kind}`,
    `DTSTART:${floatingStamp(new Date(at + fromMinutes * MINUTE))}`,
    `TZOFFSETFROM:${offsetValue(fromMinutes)}`,
    `TZOFFSETTO:${offsetValue(toMinutes)}`,
    `TZNAME:${escapeText(zoneAbbreviation(new Date(at), timeZone))}`,
    `END:${kind}`,
  ];
}
