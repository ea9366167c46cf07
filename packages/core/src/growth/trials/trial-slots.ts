import { itemOf, readTogether } from "../../kernel/db/read-together";
import type { TeacherRecord } from "../../people/module";
import type { AvailabilityRecord } from "../../scheduling";
import { weeklyHoursOf } from "../../scheduling";
import { utcDays, type Booking } from "../../scheduling";
import { dayScheduleReads, dayStatesOf } from "../../scheduling";
import { closuresBetween } from "../../scheduling";
import { computeFreeSlots, type FreeSlot } from "../../scheduling";
import { addDays, localParts, startOfLocalDay } from "../../kernel/time/wall-clock";
import type { StudioRecord } from "../../studios/module";
import type { BookingSettingsRecord } from "../booking-settings.entity";
import { growthDb } from "../growth-db";
import { bookingSettingsOf } from "../settings/read-booking-settings";
import type { BookingSettings } from "../settings/defaults";
import { publicTeacherOr404 } from "./bookable-teacher";
import { TRIAL_SEARCH_DAYS, trialStepOf, trialWindow } from "./trial-window";

/** Most a teacher keeps free around a lesson that a one-day margin of read days covers. */
const DAY_MARGIN = 1;

export interface TeacherWeek {
  teacher: TeacherRecord;
  settings: BookingSettings;
  hours: AvailabilityRecord | null;
  bookings: Booking[];
  closures: Array<{ startDate: string; endDate: string }>;
  from: string;
  to: string;
}

/**
 * Everything a public teacher page needs for the next TRIAL_SEARCH_DAYS local dates, in two calls
 * after the studio: one BatchGet of the teacher, their hours, the booking settings and the
 * teacher's day schedules over the dates (a day's margin each side covers their buffer and any
 * time zone), and the studio's closures over the dates, in parallel.
 */
export async function readTeacherWeek(studio: StudioRecord, teacherId: string, now = new Date()): Promise<TeacherWeek> {
  const { studioId, timeZone } = studio;
  const from = localParts(now, timeZone).date;
  const to = addDays(from, TRIAL_SEARCH_DAYS - 1);
  const days = utcDays(startOfLocalDay(addDays(from, -DAY_MARGIN), timeZone).getTime(), startOfLocalDay(addDays(to, 1 + DAY_MARGIN), timeZone).getTime());
  const dayKeys = days.map((day) => ({ resourceType: "teacher" as const, resourceId: teacherId, day }));
  const { teacher, availability, bookingSettings } = growthDb().entities;
  const [records, closures] = await Promise.all([
    readTogether(
      itemOf(teacher, { studioId, teacherId }),
      itemOf(availability, { studioId, teacherId }),
      itemOf(bookingSettings, { studioId }),
      ...dayScheduleReads(studioId, dayKeys),
    ),
    closuresBetween(studioId, from, to),
  ]);
  const [teacherRecord, hours, settings, ...dayItems] = records as unknown as [
    TeacherRecord | null,
    AvailabilityRecord | null,
    BookingSettingsRecord | null,
    ...unknown[],
  ];
  return {
    teacher: publicTeacherOr404(teacherRecord),
    settings: bookingSettingsOf(settings),
    hours,
    bookings: [...dayStatesOf(dayKeys, dayItems).values()].flatMap((state) => state.bookings),
    closures,
    from,
    to,
  };
}

/**
 * The trial slots of a teacher's week for one length: the free-slot search of the booking engine
 * (working hours, closures, the teacher's bookings with their buffer), on the half hour, kept to
 * the studio's minimum notice and booking horizon. None when trials are off or the teacher is not
 * taking students.
 */
export function trialSlotsOf(studio: StudioRecord, week: TeacherWeek, durationMinutes: number, now = new Date()): FreeSlot[] {
  const { settings, teacher } = week;
  if (!settings.trialsEnabled || teacher.isAcceptingStudents === false || !settings.trialLengths.includes(durationMinutes)) return [];
  const { earliest, latest } = trialWindow(settings, now);
  return computeFreeSlots({
    timeZone: studio.timeZone,
    from: week.from,
    to: week.to,
    durationMinutes,
    stepMinutes: trialStepOf(durationMinutes),
    weeklyHours: weeklyHoursOf(week.hours),
    closures: week.closures,
    teacherBookings: week.bookings,
    teacherBufferMinutes: teacher.bookingBufferMinutes ?? 0,
    otherBookings: [],
    now,
  }).filter((slot) => Date.parse(slot.start) >= earliest && Date.parse(slot.start) <= latest);
}
