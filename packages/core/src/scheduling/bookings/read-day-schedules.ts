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

/** Reads day schedules, strongly consistent, 100 keys per BatchGetItem (in parallel). */
export async function readDaySchedules(studioId: string, keys: DayKey[]): Promise<Map<string, DayState>> {
  const unique = [...new Map(keys.map((k) => [dayKeyString(k), k])).values()];
  const { daySchedule } = scheduleDb().entities;
  const chunks: DayKey[][] = [];
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
  const results = await Promise.all(chunks.map((chunk) => readTogether(...chunk.map((k) => itemOf(daySchedule, { studioId, ...k })))));
  const states = new Map<string, DayState>();
  chunks.flat().forEach((key, i) => {
    const found = results[Math.floor(i / 100)]![i % 100] as { bookings: Booking[]; version: number } | null;
    states.set(dayKeyString(key), {
      key,
      bookings: (found?.bookings ?? []).map(({ lessonId, start, end }) => ({ lessonId, start, end })),
      version: found?.version ?? 0,
      changed: false,
    });
  });
  return states;
}
