import { AppError, type FieldError } from "../../kernel/errors";
import type { StudentRecord, TeacherRecord } from "../../people/module";
import type { StudioRecord } from "../../studios/module";
import { isListedTeacher } from "../availability/availability-access";
import { weeklyHoursOf, type AvailabilityRecord } from "../availability/availability-view";
import { utcDays, type Booking } from "../bookings/booking-slot";
import type { ResourceType } from "../bookings/day-schedule.entity";
import { readDaySchedules } from "../bookings/read-day-schedules";
import { closuresBetween } from "../closures/closures-between";
import { addDays, startOfLocalDay } from "../../kernel/time/wall-clock";
import { computeFreeSlots, type FreeSlot } from "./compute-free-slots";
import type { FreeSlotQuery } from "./schemas";

export interface FreeSlots {
  teacherId: string;
  timeZone: string;
  from: string;
  to: string;
  durationMinutes: number;
  stepMinutes: number;
  /** The teacher's buffer kept free around their lessons, applied to every slot. */
  bookingBufferMinutes: number;
  items: FreeSlot[];
}

/** The records a search reads (with the membership, for the member-checked search). */
export interface SearchRecords {
  studio: StudioRecord;
  teacher: TeacherRecord | null;
  hours: AvailabilityRecord | null;
  /** Present when the search names a student: the record, or null when there is none. */
  student?: StudentRecord | null;
}

const invalid = (errors: FieldError[]) => new AppError("validation_failed", "The request has invalid fields", { errors });

/**
 * A teacher's free slots from the records already read: the studio's closures and the day
 * schedules of the teacher (and the student) over the range are read in parallel (two calls),
 * then computeFreeSlots does the rest. A teacher who is not listed in the studio or is inactive
 * (booking refuses both), or a student who is not listed, is a 422 on that field; a teacher
 * without working hours has no free slots.
 */
export async function freeSlotsOf(studioId: string, records: SearchRecords, query: FreeSlotQuery, now = new Date()): Promise<FreeSlots> {
  const { studio, teacher, hours, student } = records;
  const errors: FieldError[] = [];
  if (!isListedTeacher(teacher)) errors.push({ path: "teacherId", message: "is not a teacher of this studio" });
  else if (teacher.isActive === false) errors.push({ path: "teacherId", message: "is an inactive teacher" });
  if (query.studentId && (!student || student.listing !== "listed" || student.deletedAt)) {
    errors.push({ path: "studentId", message: "is not a student of this studio" });
  }
  if (errors.length > 0) throw invalid(errors);

  const timeZone = studio.timeZone;
  const bufferMinutes = teacher!.bookingBufferMinutes ?? 0;
  const weeklyHours = weeklyHoursOf(hours);
  const result = {
    teacherId: query.teacherId,
    timeZone,
    from: query.from,
    to: query.to,
    durationMinutes: query.durationMinutes,
    stepMinutes: query.stepMinutes,
    bookingBufferMinutes: bufferMinutes,
  };

  const rangeStart = startOfLocalDay(query.from, timeZone).getTime();
  const rangeEnd = startOfLocalDay(addDays(query.to, 1), timeZone).getTime();
  if (weeklyHours.length === 0 || rangeEnd <= now.getTime()) return { ...result, items: [] };

  // Every UTC day a slot (with the teacher's buffer around it) can touch.
  const pad = bufferMinutes * 60_000;
  const days = utcDays(Math.max(rangeStart, now.getTime()) - pad, rangeEnd + pad);
  const keysOf = (resourceType: ResourceType, resourceId: string) => days.map((day) => ({ resourceType, resourceId, day }));
  const [closures, schedules] = await Promise.all([
    closuresBetween(studioId, query.from, query.to),
    readDaySchedules(studioId, [...keysOf("teacher", query.teacherId), ...(query.studentId ? keysOf("student", query.studentId) : [])]),
  ]);
  const bookingsOf = (resourceType: ResourceType): Booking[] =>
    [...schedules.values()].filter((s) => s.key.resourceType === resourceType).flatMap((s) => s.bookings);

  const items = computeFreeSlots({
    timeZone,
    from: query.from,
    to: query.to,
    durationMinutes: query.durationMinutes,
    stepMinutes: query.stepMinutes,
    weeklyHours,
    closures,
    teacherBookings: bookingsOf("teacher"),
    teacherBufferMinutes: bufferMinutes,
    otherBookings: bookingsOf("student"),
    now,
  });
  return { ...result, items };
}
