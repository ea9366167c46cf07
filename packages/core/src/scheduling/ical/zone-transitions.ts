import { offsetMinutes } from "../../kernel/time/wall-clock";

/** A change of a zone's UTC offset, from the platform's Intl (tz) data. */
export interface OffsetTransition {
  /** The first instant (ms) of the new offset. */
  at: number;
  fromMinutes: number;
  toMinutes: number;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

const cache = new Map<string, OffsetTransition[]>();

/**
 * The offset changes of `timeZone` in one calendar year (UTC), found by sampling each day and
 * narrowing each change to the minute. Zones change offset at most a few times a year, and no
 * real zone changes twice within a day, so daily samples miss none. Cached per zone and year.
 */
export function transitionsInYear(timeZone: string, year: number): OffsetTransition[] {
  const key = `${timeZone} ${year}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const found: OffsetTransition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let at = Date.UTC(year, 0, 1);
  let offset = offsetMinutes(new Date(at), timeZone);
  while (at < end) {
    const next = Math.min(at + DAY, end);
    const nextOffset = offsetMinutes(new Date(next), timeZone);
    if (nextOffset !== offset) found.push({ at: firstMinuteOf(timeZone, at, next, nextOffset), fromMinutes: offset, toMinutes: nextOffset });
    at = next;
    offset = nextOffset;
  }
  cache.set(key, found);
  return found;
}

/** Binary search, on whole minutes, for the first instant in (lo, hi] with offset `to`. */
function firstMinuteOf(timeZone: string, lo: number, hi: number, to: number): number {
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetMinutes(new Date(mid), timeZone) === to) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The zone's standard offset in a year: the smaller of its January and July offsets. */
export function standardOffset(timeZone: string, year: number): number {
  return Math.min(offsetMinutes(new Date(Date.UTC(year, 0, 1)), timeZone), offsetMinutes(new Date(Date.UTC(year, 6, 1)), timeZone));
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();
function shortName(locale: string, timeZone: string, instant: Date): string | undefined {
  const key = `${locale} ${timeZone}`;
  let f = nameFormatters.get(key);
  if (!f) nameFormatters.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })));
  return f.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value;
}

/**
 * The zone's short name at an instant, for display: a letter abbreviation where English has one
 * ("EST", "EDT", "BST", "CET"), otherwise the offset ("GMT+5:30"). en-US knows the American
 * ones, en-GB the European ones.
 */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const us = shortName("en-US", timeZone, instant) ?? timeZone;
  if (!/^(GMT|UTC)[+-]/.test(us)) return us;
  const gb = shortName("en-GB", timeZone, instant);
  return gb && !/^(GMT|UTC)[+-]/.test(gb) ? gb : us;
}
