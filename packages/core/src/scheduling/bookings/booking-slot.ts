import type { ResourceType } from "./day-schedule.entity";

/** What a lesson holds in the day schedules: its teacher (with their buffer), students and room. */
export interface BookingSlot {
  /** The lesson's id, or a room reservation's: whatever holds the slot. */
  lessonId: string;
  /** UTC ISO instants, end exclusive. */
  start: string;
  end: string;
  /** Empty for a room reservation (it holds the room alone). */
  teacherId: string;
  studentIds: string[];
  /** Normalised room name; "none" when the lesson has no room. */
  roomKey: string;
  /** The teacher's booking buffer: minutes kept free before and after their lessons. */
  teacherBufferMinutes: number;
}

export interface DayKey {
  resourceType: ResourceType;
  resourceId: string;
  /** UTC date "YYYY-MM-DD". */
  day: string;
}

export interface Booking {
  lessonId: string;
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;

/** The UTC days an interval [start, end) touches. */
export function utcDays(start: string | number, end: string | number): string[] {
  const from = Math.floor(new Date(start).getTime() / DAY_MS);
  const to = Math.floor((new Date(end).getTime() - 1) / DAY_MS);
  const days: string[] = [];
  for (let d = from; d <= Math.max(from, to); d++) days.push(new Date(d * DAY_MS).toISOString().slice(0, 10));
  return days;
}

/** The resources a slot occupies, each with the buffer kept around it. */
export function resourcesOf(slot: BookingSlot): Array<{ resourceType: ResourceType; resourceId: string; bufferMinutes: number }> {
  return [
    ...(slot.teacherId ? [{ resourceType: "teacher" as const, resourceId: slot.teacherId, bufferMinutes: slot.teacherBufferMinutes }] : []),
    ...[...new Set(slot.studentIds)].map((id) => ({ resourceType: "student" as const, resourceId: id, bufferMinutes: 0 })),
    ...(slot.roomKey && slot.roomKey !== "none" ? [{ resourceType: "room" as const, resourceId: slot.roomKey, bufferMinutes: 0 }] : []),
  ];
}

/** Whether two bookings overlap once `bufferMinutes` is kept free around the first. */
export function overlaps(a: Booking, b: Booking, bufferMinutes: number): boolean {
  const pad = bufferMinutes * 60_000;
  return new Date(a.start).getTime() - pad < new Date(b.end).getTime() && new Date(b.start).getTime() < new Date(a.end).getTime() + pad;
}

export const dayKeyString = (k: DayKey) => `${k.resourceType}|${k.resourceId}|${k.day}`;

/** A room's key: its name, trimmed and lower-cased, so "Studio A" and "studio a " are one room. */
export const roomKeyOf = (roomName: string | undefined | null) => (roomName ? roomName.trim().toLowerCase().replace(/\s+/g, " ") : "none");
