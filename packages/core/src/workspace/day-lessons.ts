import { isStudioAdmin, type StudioMember } from "../policy";
import { itemOf } from "../kernel/db/read-together";
import { readMany } from "../kernel/db/read-many";
import { scheduleDb, toAttendanceEntry, toLesson, type LessonRecord } from "../scheduling";
import { addDays, type LocalDate, zonedInstant } from "../kernel/time/wall-clock";

/** The most lessons Today lists (two days of a large studio); the calendar shows the rest. */
export const TODAY_LESSON_LIMIT = 200;

/**
 * The lessons starting on local dates [from, from + days) on the member's own calendar: the whole
 * studio for admins, their own lessons for a teacher (nothing for a teacher login without a
 * teacher record). One query of the calendar index, at most TODAY_LESSON_LIMIT lessons.
 */
export async function lessonsOnDays(studioId: string, member: StudioMember, timeZone: string, from: LocalDate, days: number) {
  const range = [
    { scheduledStart: zonedInstant(from, "00:00", timeZone).toISOString() },
    { scheduledStart: zonedInstant(addDays(from, days), "00:00", timeZone).toISOString() },
  ] as const;
  const { lesson } = scheduleDb().entities;
  const options = { limit: TODAY_LESSON_LIMIT, pages: 1 as const };
  if (isStudioAdmin(member)) {
    const { data, cursor } = await lesson.query
      .studioCalendar({ studioId })
      .between(...range)
      .go(options);
    return { lessons: data, more: cursor !== null };
  }
  if (!member.teacherId) return { lessons: [] as LessonRecord[], more: false };
  const { data, cursor } = await lesson.query
    .teacherCalendar({ studioId, teacherId: member.teacherId })
    .between(...range)
    .go(options);
  return { lessons: data, more: cursor !== null };
}

/** Each lesson's attendance, per student, read by key (100 per BatchGetItem); cancelled lessons have none. */
export async function attendanceOf(studioId: string, lessons: LessonRecord[]) {
  const keys = lessons.filter((l) => l.status !== "cancelled").flatMap((l) => l.studentIds.map((studentId) => ({ lessonId: l.lessonId, studentId })));
  const { lessonAttendee } = scheduleDb().entities;
  const records = keys.length
    ? await readMany(
        keys.map((key) => itemOf(lessonAttendee, { studioId, ...key })),
        { consistent: true },
      )
    : [];
  const byLesson = new Map<string, ReturnType<typeof toAttendanceEntry>[]>();
  for (const record of records) {
    if (!record) continue;
    byLesson.set(record.lessonId, [...(byLesson.get(record.lessonId) ?? []), toAttendanceEntry(record)]);
  }
  return byLesson;
}

/** A lesson as Today shows it: the lesson, and each student's attendance (status null: not taken yet). */
export function toDayLesson(record: LessonRecord, timeZone: string, attendance: Map<string, ReturnType<typeof toAttendanceEntry>[]>) {
  const marked = new Map((attendance.get(record.lessonId) ?? []).map((e) => [e.studentId, e]));
  return {
    ...toLesson(record, timeZone),
    attendance: record.studentIds.map((studentId) => ({ studentId, status: marked.get(studentId)?.status ?? null })),
  };
}
export type DayLesson = ReturnType<typeof toDayLesson>;
