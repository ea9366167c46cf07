import { ATTENDANCE_STATUSES, type AttendanceStatus } from "../lessons/lesson-attendee.entity";
import { lessonOfAttendee, toLesson, type AttendeeRecord } from "../lessons/lesson-view";
import type { AttendanceEntry, LessonSummary } from "./attendance-schema";

export type { AttendanceEntry, LessonSummary };

/** One student's attendance at one lesson (status null: not marked yet). */
export function toAttendanceEntry(attendee: AttendeeRecord): AttendanceEntry {
  return {
    studentId: attendee.studentId,
    status: (attendee.attendance ?? null) as AttendanceStatus | null,
    minutesLate: attendee.minutesLate ?? null,
    note: attendee.attendanceNote ?? null,
    markedBy: attendee.attendanceMarkedBy ?? null,
    markedAt: attendee.attendanceMarkedAt ?? null,
  };
}

/** The lesson as a history line shows it. */
export function toLessonSummary(attendee: AttendeeRecord, timeZone: string): LessonSummary {
  const { id, teacherId, type, status, title, scheduledStart, scheduledEnd, durationMinutes, local } = toLesson(lessonOfAttendee(attendee), timeZone);
  return { id, teacherId, type, status, title, scheduledStart, scheduledEnd, durationMinutes, local };
}

/** Counts of a page of history by attendance status; `unmarked`: lessons held or due without attendance (cancelled ones are not counted). */
export function summarise(attendees: AttendeeRecord[]) {
  const counts = Object.fromEntries([...ATTENDANCE_STATUSES, "unmarked"].map((s) => [s, 0])) as Record<AttendanceStatus | "unmarked", number>;
  for (const a of attendees) {
    if (a.attendance) counts[a.attendance]++;
    else if (lessonOfAttendee(a).status !== "cancelled") counts.unmarked++;
  }
  return counts;
}
