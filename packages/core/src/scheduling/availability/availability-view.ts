import type { TeacherRecord } from "../../people/module";
import type { Availability } from "./availability-schema";
import { sortedHours, type WorkingRange } from "./weekly-hours";

import type { AvailabilityRecord } from "./availability.entity";
export type { AvailabilityRecord } from "./availability.entity";

/** A teacher's working week as the API shows it; no hours set is an empty week (no free slots). */
export type { Availability };

export const weeklyHoursOf = (record: AvailabilityRecord | null | undefined): WorkingRange[] =>
  sortedHours((record?.weeklyHours ?? []).map(({ weekday, start, end }) => ({ weekday, start, end })));

export function toAvailability(teacher: TeacherRecord, record: AvailabilityRecord | null | undefined, timeZone: string): Availability {
  return {
    teacherId: teacher.teacherId,
    teacherName: `${teacher.firstName} ${teacher.lastName}`,
    timeZone,
    weeklyHours: weeklyHoursOf(record),
    updatedAt: record?.updatedAt ?? null,
  };
}
