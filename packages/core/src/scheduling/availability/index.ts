export { getAvailability } from "./get-availability";
export { listAvailability, teacherWeekOf, teacherWeeks } from "./list-availability";
export { setAvailability } from "./set-availability";
export { teacherAndHoursKeys, isListedTeacher } from "./availability-access";
export { weeklyHoursOf, type Availability, type AvailabilityRecord } from "./availability-view";
export { AvailabilitySchema, WorkingRangeSchema } from "./availability-schema";
export { hoursProblems, sortedHours, endMinutesOf, MAX_WEEKLY_RANGES, type WorkingRange } from "./weekly-hours";
export * from "./schemas";
