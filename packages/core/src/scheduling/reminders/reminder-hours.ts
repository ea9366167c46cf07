/** The job's time buckets: UTC hours written "2026-11-22T15" (what lessonWrites keys ReminderDue by). */
export type ReminderHour = string;

const HOUR = 3_600_000;

export const hourOf = (instant: Date): ReminderHour => instant.toISOString().slice(0, 13);

/** An hour bucket moved by whole hours. */
export const addHours = (hour: ReminderHour, hours: number): ReminderHour =>
  new Date(Date.parse(`${hour}:00:00.000Z`) + hours * HOUR).toISOString().slice(0, 13);
