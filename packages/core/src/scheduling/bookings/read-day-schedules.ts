import { itemOf, readTogether } from "../../kernel/db/read-together";
import { scheduleDb } from "../schedule-db";
import { dayKeyString, type Booking, type DayKey } from "./booking-slot";

export interface DayState {
  key: DayKey;
  bookings: Booking[];
  /** 0 when the item does not exist yet. */
  version: number;
  changed: boolean;
}

const uniqueKeys = (keys: DayKey[]) => [...new Map(keys.map((k) => [dayKeyString(k), k])).values()];

/** The day-schedule items of `keys`, to read together with a request's other items (at most 100 keys in all). */
export function dayScheduleReads(studioId: string, keys: DayKey[]) {
  const { daySchedule } = scheduleDb().entities;
  return uniqueKeys(keys).map((k) => itemOf(daySchedule, { studioId, ...k }));
}

/** The states of the days `dayScheduleReads(studioId, keys)` read, by day key. */
export function dayStatesOf(keys: DayKey[], found: readonly unknown[]): Map<string, DayState> {
  const states = new Map<string, DayState>();
  uniqueKeys(keys).forEach((key, i) => {
    const item = found[i] as { bookings: Booking[]; version: number } | null;
    states.set(dayKeyString(key), {
      key,
      bookings: (item?.bookings ?? []).map(({ lessonId, start, end }) => ({ lessonId, start, end })),
      version: item?.version ?? 0,
      changed: false,
    });
  });
  return states;
}

/**
 * Reads day schedules, strongly consistent, 100 keys per BatchGetItem (in parallel). Days in
 * `known` (read by the caller with its other items) are not read again.
 */
export async function readDaySchedules(studioId: string, keys: DayKey[], known?: Map<string, DayState>): Promise<Map<string, DayState>> {
  const missing = uniqueKeys(keys).filter((k) => !known?.has(dayKeyString(k)));
  const chunks: DayKey[][] = [];
  for (let i = 0; i < missing.length; i += 100) chunks.push(missing.slice(i, i + 100));
  const results = await Promise.all(chunks.map((chunk) => readTogether(...dayScheduleReads(studioId, chunk))));
  const read = new Map(chunks.flatMap((chunk, i) => [...dayStatesOf(chunk, results[i]!)]));
  return new Map(uniqueKeys(keys).map((k) => [dayKeyString(k), known?.get(dayKeyString(k)) ?? read.get(dayKeyString(k))!]));
}
