import { readTogether } from "../../kernel/db/read-together";
import type { StudentRecord, TeacherRecord } from "../../people/module";
import type { StudioRecord } from "../../studios/module";
import { teacherAndHoursKeys } from "../availability/availability-access";
import { weeklyHoursOf, type AvailabilityRecord } from "../availability/availability-view";
import { localParts } from "../../kernel/time/wall-clock";
import { computeFreeSlots, type FreeSlot } from "./compute-free-slots";
import { studentKeys } from "./find-free-slots";
import { freeSlotsOf } from "./free-slots-of";

/**
 * How a lesson fits a teacher's week: "free" (one of their free slots), "taken" (inside their
 * working hours, but a booking of theirs, with their buffer, or of the student is in the way) or
 * "outside_hours" (not inside any working range of theirs).
 */
export type SlotFit = "free" | "taken" | "outside_hours";

export interface SlotFitSearch {
  teacherId: string;
  studentId?: string;
  /** UTC ISO instant. */
  start: string;
  durationMinutes: number;
}

/** Slots at every minute, so any whole-minute start inside the teacher's hours is one of them. */
const EVERY_MINUTE = 1;

/**
 * Whether a lesson is one of the teacher's free slots, by the free-slot search itself (the one
 * GET /free-slots answers, over the start's local date at a one-minute step): the teacher, their
 * hours and the student in one BatchGet, then the closures and day schedules (see freeSlotsOf).
 * When it is not offered, the same search without bookings tells whether it is at least inside
 * the teacher's working hours. A teacher or student who is not listed is freeSlotsOf's 422.
 */
export async function slotFit(studioId: string, studio: StudioRecord, search: SlotFitSearch, now = new Date()): Promise<SlotFit> {
  const [teacher, hours, student] = (await readTogether(
    ...teacherAndHoursKeys(studioId, search.teacherId),
    ...studentKeys(studioId, search.studentId),
  )) as unknown as [TeacherRecord | null, AvailabilityRecord | null, StudentRecord | null | undefined];
  const date = localParts(search.start, studio.timeZone).date;
  const query = {
    teacherId: search.teacherId,
    from: date,
    to: date,
    durationMinutes: search.durationMinutes,
    stepMinutes: EVERY_MINUTE,
    studentId: search.studentId,
  };
  const startsAt = Date.parse(search.start);
  const offers = (slots: FreeSlot[]) => slots.some((slot) => Date.parse(slot.start) === startsAt);

  const free = await freeSlotsOf(studioId, { studio, teacher, hours, ...(search.studentId ? { student: student ?? null } : {}) }, query, now);
  if (offers(free.items)) return "free";
  const withinHours = computeFreeSlots({
    timeZone: studio.timeZone,
    from: date,
    to: date,
    durationMinutes: search.durationMinutes,
    stepMinutes: EVERY_MINUTE,
    weeklyHours: weeklyHoursOf(hours),
    closures: [],
    teacherBookings: [],
    teacherBufferMinutes: 0,
    otherBookings: [],
    now,
  });
  return offers(withinHours) ? "taken" : "outside_hours";
}
