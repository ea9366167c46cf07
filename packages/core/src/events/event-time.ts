import { addDays, addMinutes, startOfLocalDay, zonedInstant } from "../kernel/time/wall-clock";

/**
 * The instants of an event's local date and times in the studio's zone: computed from the local
 * values for that date, so an event at 19:00 the day after a DST change is at 19:00 local. All
 * day runs from the first local midnight to the one after its last day.
 */
export function eventInstants(e: { date: string; endDate?: string; startTime?: string; endTime?: string }, timeZone: string) {
  const last = e.endDate ?? e.date;
  const dayAfter = startOfLocalDay(addDays(last, 1), timeZone);
  if (!e.startTime || !e.endTime) return { startsAt: startOfLocalDay(e.date, timeZone).toISOString(), endsAt: dayAfter.toISOString() };
  const end = e.endTime === "24:00" ? dayAfter : zonedInstant(last, e.endTime, timeZone);
  return { startsAt: zonedInstant(e.date, e.startTime, timeZone).toISOString(), endsAt: end.toISOString() };
}

/** The reminder's instant and the job's day bucket, or nothing when none is due any more. */
export function reminderKeys(startsAt: string, hoursBefore: number | undefined, now: Date): { remindDay: string; remindAt: string } | null {
  if (!hoursBefore) return null;
  const at = addMinutes(startsAt, -hoursBefore * 60);
  // Written after its time (an event made the evening before): the invitation is reminder enough.
  if (at.getTime() <= now.getTime()) return null;
  return { remindDay: at.toISOString().slice(0, 10), remindAt: at.toISOString() };
}
