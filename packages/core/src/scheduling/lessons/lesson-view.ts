import { localParts } from "../../kernel/time/wall-clock";
import type { Lesson } from "./lesson-schema";

export type { Lesson };

import type { LessonRecord } from "./lesson.entity";
export type { LessonRecord } from "./lesson.entity";
import type { AttendeeRecord } from "./lesson-attendee.entity";
export type { AttendeeRecord } from "./lesson-attendee.entity";

/** A lesson as the API shows it: the record plus its length and its local date and times. */
export function toLesson(record: LessonRecord, timeZone: string): Lesson {
  const start = localParts(record.scheduledStart, timeZone);
  const end = localParts(record.scheduledEnd, timeZone);
  return {
    id: record.lessonId,
    studioId: record.studioId,
    teacherId: record.teacherId,
    originalTeacherId: record.originalTeacherId ?? null,
    studentId: record.studentId ?? null,
    bandId: record.bandId ?? null,
    studentIds: record.studentIds,
    type: record.type,
    status: record.status,
    title: record.title ?? null,
    scheduledStart: record.scheduledStart,
    scheduledEnd: record.scheduledEnd,
    durationMinutes: durationMinutes(record),
    local: { date: start.date, startTime: start.time, endTime: end.time, timeZone },
    actualStart: record.actualStart ?? null,
    actualEnd: record.actualEnd ?? null,
    location: record.location ?? null,
    roomName: record.roomName ?? null,
    onlineUrl: record.onlineUrl ?? null,
    patternId: record.patternId ?? null,
    occurrenceDate: record.occurrenceDate ?? null,
    editedByHand: record.editedByHand,
    makeupCreditId: record.makeupCreditId ?? null,
    leadId: record.leadId ?? null,
    classSlotId: record.classSlotId ?? null,
    rescheduledFrom: record.rescheduledFrom ?? null,
    confirmation: record.confirmedAt ? { at: record.confirmedAt, by: record.confirmedBy ?? "" } : null,
    cancellation: record.cancellation ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The scheduled length in minutes (seeds: Lesson.duration_minutes()). */
export const durationMinutes = (lesson: { scheduledStart: string; scheduledEnd: string }) =>
  Math.round((new Date(lesson.scheduledEnd).getTime() - new Date(lesson.scheduledStart).getTime()) / 60_000);

/** The lesson a student's calendar entry carries (kept in step with the lesson by lessonWrites). */
export const lessonOfAttendee = (attendee: AttendeeRecord) => attendee.lesson as LessonRecord;
