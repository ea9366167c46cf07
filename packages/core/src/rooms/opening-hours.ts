import { endMinutesOf, type WorkingRange } from "../scheduling";
import { localParts, minutesOf } from "../kernel/time/wall-clock";

/**
 * Whether [start, end) falls inside one of a room's opening ranges, on one local day of the
 * studio's time zone (a room with no hours is open whenever the studio is).
 */
export function withinOpeningHours(hours: readonly WorkingRange[] | undefined, start: string, end: string, timeZone: string): boolean {
  if (!hours || hours.length === 0) return true;
  const from = localParts(start, timeZone);
  const to = localParts(new Date(Date.parse(end) - 1), timeZone);
  if (from.date !== to.date) return false;
  const startMinute = minutesOf(from.time);
  const endMinute = minutesOf(to.time) + 1;
  return hours.some((range) => range.weekday === from.weekday && minutesOf(range.start) <= startMinute && endMinute <= endMinutesOf(range.end));
}

/** "Mon–Fri 08:00–22:00"-style words for a refusal: each range as "Tue 09:00–21:00". */
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
export const hoursWords = (hours: readonly WorkingRange[]) => hours.map((h) => `${DAYS[h.weekday - 1]} ${h.start}–${h.end}`).join(", ");
