import { AppError, type ScheduleConflict } from "../../kernel/errors";
import type { ScheduleTx } from "../schedule-db";
import { overlaps, resourcesOf, utcDays, dayKeyString, type BookingSlot, type DayKey } from "./booking-slot";
import { readDaySchedules, type DayState } from "./read-day-schedules";

export interface SkippedSlot {
  slot: BookingSlot;
  conflict: ScheduleConflict;
}

export interface BookingPlan {
  /** The day-schedule items for the transaction (append them last): changed days are written, days only read are checked. */
  writes(tx: ScheduleTx): unknown[];
  /** How many transaction items `writes` adds. */
  itemCount: number;
}

export interface BookingChanges {
  add?: BookingSlot[];
  remove?: BookingSlot[];
}

const padded = (slot: BookingSlot, minutes: number) => ({
  start: new Date(slot.start).getTime() - minutes * 60_000,
  end: new Date(slot.end).getTime() + minutes * 60_000,
});

/** The day keys a slot must read (with its resources' buffers) or writes into. */
export function dayKeys(slot: BookingSlot, withBuffer: boolean): DayKey[] {
  return resourcesOf(slot).flatMap(({ resourceType, resourceId, bufferMinutes }) => {
    const { start, end } = padded(slot, withBuffer ? bufferMinutes : 0);
    return utcDays(start, end).map((day) => ({ resourceType, resourceId, day }));
  });
}

/** The first booking in the way of a slot, if any. */
function conflictOf(slot: BookingSlot, days: Map<string, DayState>): ScheduleConflict | undefined {
  for (const { resourceType, resourceId, bufferMinutes } of resourcesOf(slot)) {
    const { start, end } = padded(slot, bufferMinutes);
    for (const day of utcDays(start, end)) {
      const state = days.get(dayKeyString({ resourceType, resourceId, day }))!;
      const hit = state.bookings.find((b) => b.lessonId !== slot.lessonId && overlaps(slot, b, bufferMinutes));
      if (hit) return { lessonId: hit.lessonId, start: hit.start, end: hit.end, resource: resourceType, resourceId };
    }
  }
  return undefined;
}

function book(slot: BookingSlot, days: Map<string, DayState>) {
  for (const key of dayKeys(slot, false)) {
    const state = days.get(dayKeyString(key))!;
    state.bookings = [...state.bookings, { lessonId: slot.lessonId, start: slot.start, end: slot.end }].sort((a, b) => a.start.localeCompare(b.start));
    state.changed = true;
  }
}

const WHO: Record<ScheduleConflict["resource"], string> = { teacher: "The teacher", student: "A student", room: "The room" };

/** The 409 for a slot that is taken, naming the lesson in the way. */
export function conflictError(conflict: ScheduleConflict): AppError {
  const message = `${WHO[conflict.resource]} is already booked then: lesson ${conflict.lessonId} (${conflict.start} – ${conflict.end})`;
  return new AppError("lesson.double_booked", message, { errors: [{ path: "scheduledStart", message }], conflicts: [conflict] });
}

/**
 * Plans a set of booking changes against the day schedules: frees the removed slots (and the old
 * place of any slot that moves), then books the added ones in order, each checked against every
 * booking of its teacher (with the teacher's buffer), students and room. A slot that is taken
 * throws a 409 naming the lesson in the way, or with `onConflict: "skip"` is left out and reported.
 * Nothing is written here: `plan.writes(tx)` goes into the caller's transaction, conditioned on
 * each day's version, so a concurrent booking of the same day makes the transaction fail
 * (withBookingRetry then runs the use case again and it sees the other booking). `known`: days
 * the caller read with its other items (see dayScheduleReads); only the others are read here.
 */
export async function planBookings(
  studioId: string,
  changes: BookingChanges,
  options: { onConflict: "throw" | "skip" } = { onConflict: "throw" },
  known?: Map<string, DayState>,
): Promise<{ plan: BookingPlan; skipped: SkippedSlot[] }> {
  const add = changes.add ?? [];
  const remove = changes.remove ?? [];
  const days = await readDaySchedules(studioId, [...add.flatMap((s) => dayKeys(s, true)), ...remove.flatMap((s) => dayKeys(s, false))], known);

  const leaving = new Set([...remove, ...add].map((s) => s.lessonId));
  for (const state of days.values()) {
    const kept = state.bookings.filter((b) => !leaving.has(b.lessonId));
    if (kept.length !== state.bookings.length) Object.assign(state, { bookings: kept, changed: true });
  }

  const skipped: SkippedSlot[] = [];
  for (const slot of add) {
    const conflict = conflictOf(slot, days);
    if (!conflict) book(slot, days);
    else if (options.onConflict === "skip") skipped.push({ slot, conflict });
    else throw conflictError(conflict);
  }

  const states = [...days.values()];
  return {
    skipped,
    plan: {
      itemCount: states.length,
      writes: (tx) => states.map((state) => dayWrite(tx, studioId, state)),
    },
  };
}

function dayWrite(tx: ScheduleTx, studioId: string, state: DayState) {
  const key = { studioId, ...state.key };
  const unchangedSince = (a: { version: never }, op: { eq: (x: never, v: number) => string; notExists: (x: never) => string }) =>
    state.version === 0 ? op.notExists(a.version) : op.eq(a.version, state.version);
  if (!state.changed)
    return tx.daySchedule
      .check(key)
      .where(unchangedSince as never)
      .commit();
  return tx.daySchedule
    .put({ ...key, bookings: state.bookings, version: state.version + 1 })
    .where(unchangedSince as never)
    .commit();
}
