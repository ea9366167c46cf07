import type { EntityItem } from "electrodb";
import type { TeacherRecord } from "../../people/teachers/teacher-view";
import type { Availability } from "./availability-schema";
import type { AvailabilityEntity } from "./availability.entity";
import { sortedHours, type WorkingRange } from "./weekly-hours";

export type AvailabilityRecord = EntityItem<typeof AvailabilityEntity>;

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
