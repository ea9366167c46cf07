import type { SchedulingSettings } from "../settings/defaults";
import type { ScheduleTx } from "../schedule-db";
import type { BookingSlot } from "../bookings/booking-slot";
import type { AttendeeRecord, LessonRecord } from "./lesson-view";

export interface LessonState {
  lesson: LessonRecord;
  attendees: AttendeeRecord[];
}

/** The UTC hour bucket ("2026-11-22T15") a scheduled lesson's reminder is due in; none once it started. */
export function reminderHourOf(lesson: Pick<LessonRecord, "status" | "scheduledStart">, leadHours: number, now: Date): string | undefined {
  const start = new Date(lesson.scheduledStart).getTime();
  if (lesson.status !== "scheduled" || start <= now.getTime()) return undefined;
  return new Date(Math.max(start - leadHours * 3_600_000, now.getTime())).toISOString().slice(0, 13);
}

/** The booking a lesson holds in the day schedules (none once cancelled). */
export const slotOf = (lesson: LessonRecord, teacherBufferMinutes: number): BookingSlot => ({
  lessonId: lesson.lessonId,
  start: lesson.scheduledStart,
  end: lesson.scheduledEnd,
  teacherId: lesson.teacherId,
  studentIds: lesson.studentIds,
  roomKey: lesson.roomKey,
  teacherBufferMinutes,
});

/** Statuses that keep the lesson's place in the schedules (a cancelled lesson frees its slot). */
export const holdsSlot = (status: LessonRecord["status"]) => status !== "cancelled";

/**
 * The transaction items that store a lesson as `next`: the lesson (created, or replaced on
 * condition that nobody changed it since `previous` was read), one attendee item per student
 * (a copy of the lesson for their calendars, keeping attendance already taken; students no longer
 * in it are removed) and its reminder moved to the right hour bucket. Mutates `next.reminderHour`.
 */
export function lessonWrites(
  tx: ScheduleTx,
  next: LessonRecord,
  options: { previous?: LessonState; familyOf: (studentId: string) => string | undefined; settings: SchedulingSettings; now: Date },
) {
  const { previous, familyOf, settings, now } = options;
  const reminderHour = reminderHourOf(next, settings.reminderLeadHours, now);
  const oldHour = previous?.lesson.reminderHour;
  const lesson = { ...next, updatedAt: now.toISOString() } as LessonRecord;
  delete (lesson as Partial<LessonRecord>).reminderHour;
  if (reminderHour) lesson.reminderHour = reminderHour;
  next.reminderHour = reminderHour;

  const items: unknown[] = [
    previous
      ? tx.lesson
          .put(lesson)
          .where((a, op) => op.eq(a.updatedAt, previous.lesson.updatedAt))
          .commit()
      : tx.lesson.create(lesson).commit(),
  ];

  const before = new Map((previous?.attendees ?? []).map((a) => [a.studentId, a]));
  for (const studentId of new Set(lesson.studentIds)) {
    const kept = before.get(studentId);
    items.push(
      tx.lessonAttendee
        .put({
          studioId: lesson.studioId,
          lessonId: lesson.lessonId,
          studentId,
          familyId: familyOf(studentId) ?? kept?.familyId ?? "none",
          teacherId: lesson.teacherId,
          scheduledStart: lesson.scheduledStart,
          scheduledEnd: lesson.scheduledEnd,
          lesson,
          ...(kept?.attendance ? { attendance: kept.attendance } : {}),
          ...(kept?.minutesLate !== undefined ? { minutesLate: kept.minutesLate } : {}),
          ...(kept?.attendanceNote ? { attendanceNote: kept.attendanceNote } : {}),
          ...(kept?.attendanceMarkedBy ? { attendanceMarkedBy: kept.attendanceMarkedBy, attendanceMarkedAt: kept.attendanceMarkedAt } : {}),
          ...(kept ? { createdAt: kept.createdAt } : {}),
        })
        .commit(),
    );
    before.delete(studentId);
  }
  for (const gone of before.values())
    items.push(tx.lessonAttendee.delete({ studioId: gone.studioId, lessonId: gone.lessonId, studentId: gone.studentId }).commit());

  if (oldHour && oldHour !== reminderHour) items.push(tx.reminderDue.delete({ hour: oldHour, studioId: lesson.studioId, lessonId: lesson.lessonId }).commit());
  if (reminderHour && reminderHour !== oldHour)
    items.push(tx.reminderDue.put({ hour: reminderHour, studioId: lesson.studioId, lessonId: lesson.lessonId }).commit());
  return items;
}

/** The 409 for a lesson someone else changed between our read and our write. */
export const LESSON_CHANGED = "The lesson was changed by someone else meanwhile; reload it and try again";
