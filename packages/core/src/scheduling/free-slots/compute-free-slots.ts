import { type Booking, overlaps } from "../bookings/booking-slot";
import { sortedHours, type WorkingRange } from "../availability/weekly-hours";
import { addDays, type LocalDate, localParts, type LocalTime, startOfLocalDay, weekdayOf, zonedInstant } from "../../kernel/time/wall-clock";

/** A bookable interval: UTC instants (end exclusive) and the studio-local date and times. */
export interface FreeSlot {
  start: string;
  end: string;
  local: { date: LocalDate; startTime: LocalTime; endTime: LocalTime; timeZone: string };
}

export interface SlotSearchInput {
  timeZone: string;
  /** Local dates, inclusive. */
  from: LocalDate;
  to: LocalDate;
  durationMinutes: number;
  stepMinutes: number;
  weeklyHours: readonly WorkingRange[];
  /** Closed local dates, inclusive spans. */
  closures: ReadonlyArray<{ startDate: LocalDate; endDate: LocalDate }>;
  teacherBookings: readonly Booking[];
  /** Kept free before and after each of the teacher's bookings (and the new one). */
  teacherBufferMinutes: number;
  /** Other bookings the slot must not overlap (a student's), without a buffer. */
  otherBookings: readonly Booking[];
  now: Date;
}

const MINUTE = 60_000;

/** The instant a working range ends on a local date ("24:00" is the next local midnight). */
const rangeEnd = (date: LocalDate, end: LocalTime, timeZone: string) =>
  end === "24:00" ? startOfLocalDay(addDays(date, 1), timeZone) : zonedInstant(date, end, timeZone);

/**
 * The free slots of one teacher: on every local date from `from` to `to` that no closure covers,
 * inside each working range of its weekday, a slot starts every `stepMinutes` from the range's
 * start and lasts `durationMinutes` of real time, ending by the range's end. Ranges are turned
 * into instants per date, so 09:00 stays 09:00 local across a DST change (a range spanning the
 * change is an hour shorter or longer). A slot is left out when it starts before `now`, or when
 * it overlaps a teacher booking with the buffer around it, or another booking — the test the
 * booking engine applies, so an offered slot is bookable.
 */
export function computeFreeSlots(input: SlotSearchInput): FreeSlot[] {
  const { timeZone, durationMinutes, stepMinutes, teacherBufferMinutes, now } = input;
  const hours = sortedHours(input.weeklyHours);
  const slots: FreeSlot[] = [];
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    if (input.closures.some((c) => c.startDate <= date && date <= c.endDate)) continue;
    const weekday = weekdayOf(date);
    for (const range of hours) {
      if (range.weekday !== weekday) continue;
      const open = zonedInstant(date, range.start, timeZone).getTime();
      const close = rangeEnd(date, range.end, timeZone).getTime();
      for (let start = open; start + durationMinutes * MINUTE <= close; start += stepMinutes * MINUTE) {
        if (start < now.getTime()) continue;
        const slot = { lessonId: "", start: new Date(start).toISOString(), end: new Date(start + durationMinutes * MINUTE).toISOString() };
        if (input.teacherBookings.some((b) => overlaps(slot, b, teacherBufferMinutes))) continue;
        if (input.otherBookings.some((b) => overlaps(slot, b, 0))) continue;
        const startsAt = localParts(slot.start, timeZone);
        slots.push({
          start: slot.start,
          end: slot.end,
          local: { date: startsAt.date, startTime: startsAt.time, endTime: localParts(slot.end, timeZone).time, timeZone },
        });
      }
    }
  }
  return slots;
}
