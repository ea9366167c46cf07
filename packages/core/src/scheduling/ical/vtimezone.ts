import { offsetMinutes } from "../../kernel/time/wall-clock";
import { escapeText, floatingStamp, offsetValue } from "./ical-text";
import { standardOffset, transitionsInYear, zoneAbbreviation } from "./zone-transitions";

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The VTIMEZONE component (RFC 5545 §3.6.5) for a zone over the years `fromYear`..`toYear`,
 * built from Intl data: one STANDARD or DAYLIGHT observance per offset change, listed from the
 * year before (so the offset in force on 1 January is covered). A zone without changes in that
 * span gets one STANDARD observance. DTSTART is local time in the offset before the change.
 * `recurring`: the last year's changes repeat every year after (RRULE YEARLY on the same
 * weekday of the month), for an event that recurs without end.
 */
export function vtimezoneLines(timeZone: string, fromYear: number, toYear: number, recurring = false): string[] {
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
  for (const t of transitions) {
    const repeats = recurring && new Date(t.at).getUTCFullYear() === toYear;
    lines.push(...observance(timeZone, t.at, t.fromMinutes, t.toMinutes, repeats));
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/** "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU": the yearly rule of a change on this local date (the last such weekday when it is in the month's last 7 days). */
function yearlyRule(local: Date): string {
  const day = local.getUTCDate();
  const monthDays = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  const ordinal = day + 7 > monthDays ? -1 : Math.ceil(day / 7);
  return `FREQ=YEARLY;BYMONTH=${local.getUTCMonth() + 1};BYDAY=${ordinal}${WEEKDAYS[local.getUTCDay()]}`;
}

function observance(timeZone: string, at: number, fromMinutes: number, toMinutes: number, repeats = false): string[] {
  const year = new Date(at).getUTCFullYear();
  const kind = toMinutes > standardOffset(timeZone, year) ? "DAYLIGHT" : "STANDARD";
  const local = new Date(at + fromMinutes * MINUTE);
  return [
    `BEGIN:${kind}`,
    `DTSTART:${floatingStamp(local)}`,
    ...(repeats ? [`RRULE:${yearlyRule(local)}`] : []),
    `TZOFFSETFROM:${offsetValue(fromMinutes)}`,
    `TZOFFSETTO:${offsetValue(toMinutes)}`,
    `TZNAME:${escapeText(zoneAbbreviation(new Date(at), timeZone))}`,
    `END:${kind}`,
  ];
}
