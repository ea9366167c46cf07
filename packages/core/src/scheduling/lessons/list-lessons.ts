import { itemOf } from "../../kernel/db/read-together";
import { page, type Page, type PageRun } from "../../kernel/pagination/pagination";
import { loadMemberWith, type Actor } from "../../policy";
import { scheduleDb } from "../schedule-db";
import type { LessonCalendarQuery } from "./calendar-query";
import { calendarScope, type CalendarScope } from "./calendar-scope";
import { lessonNames, type LessonNames } from "./lesson-names";
import { lessonOfAttendee, toLesson, type AttendeeRecord, type Lesson, type LessonRecord } from "./lesson-view";

/**
 * One calendar entry: the lesson, and on a student's or family's calendar whose entry it is. A
 * family's calendar lists a lesson once per child of the family in it (a band lesson with two
 * siblings: two entries, each with its `attendeeStudentId`), so pages stay exact.
 */
export type CalendarEntry = Lesson & { attendeeStudentId: string | null };

type Row = { lesson: LessonRecord; attendeeStudentId: string | null };

/**
 * Lessons starting in [from, to), sorted by start, one page: the teacher's, a student's, a
 * family's, a room's or the whole studio's calendar (see calendarScope for who reads which).
 * Two DynamoDB calls whatever the studio's size: the membership BatchGet (with the filtered
 * student's record when there is one) and one query of the calendar's index. `status` filters
 * the page, so a filtered page may hold fewer than `limit` lessons.
 */
export async function listLessons(actor: Actor, studioId: string, query: LessonCalendarQuery): Promise<Page<CalendarEntry> & { names?: LessonNames }> {
  const reads = query.studentId ? [itemOf(scheduleDb().entities.student, { studioId, studentId: query.studentId })] : [];
  const { member, studio, records } = await loadMemberWith(actor, studioId, ...reads);
  const scope = calendarScope(member, query, records[0] ?? null);
  const result = scope.kind === "empty" ? { items: [], nextCursor: null } : await readCalendar(studioId, scope, query);
  const own = [member.studentId, ...result.items.map((r) => r.attendeeStudentId)].filter((id): id is string => Boolean(id));
  // `include=names`: the page's people and bands by id, read by key in the same request (a third call).
  const names =
    query.include === "names"
      ? {
          names: await lessonNames(
            studioId,
            result.items.map((r) => r.lesson),
            member,
            own,
          ),
        }
      : {};
  return {
    items: result.items.map(({ lesson, attendeeStudentId }) => ({ ...toLesson(lesson, studio.timeZone), attendeeStudentId })),
    nextCursor: result.nextCursor,
    ...names,
  };
}

/** One page of the calendar's index; the cursor is bound to the calendar read (cursor.ts). */
async function readCalendar(studioId: string, scope: Exclude<CalendarScope, { kind: "empty" }>, query: LessonCalendarQuery): Promise<Page<Row>> {
  const { lesson, lessonAttendee } = scheduleDb().entities;
  const list = { studioId, list: "lessons", params: { calendar: JSON.stringify(scope) } };
  const range = [{ scheduledStart: query.from }, { scheduledStart: query.to }] as const;
  // A sort key holds "<start>#<lessonId>", so BETWEEN start(from) AND start(to) is [from, to).
  const byStatus = (a: { status: never }, op: { eq: (attr: never, value: unknown) => string }) => (query.status ? op.eq(a.status, query.status) : "");

  const lessons = async (run: PageRun<LessonRecord>): Promise<Page<Row>> => {
    const result = await page(list, run, query);
    return { items: result.items.map((l) => ({ lesson: l, attendeeStudentId: null })), nextCursor: result.nextCursor };
  };
  const attendees = async (run: PageRun<AttendeeRecord>, taughtBy?: string): Promise<Page<Row>> => {
    const shown = (a: AttendeeRecord) => {
      const l = lessonOfAttendee(a);
      return (!query.status || l.status === query.status) && (!taughtBy || l.teacherId === taughtBy || l.originalTeacherId === taughtBy);
    };
    const result = await page(list, run, query, (items) => items.filter(shown));
    return { items: result.items.map((a) => ({ lesson: lessonOfAttendee(a), attendeeStudentId: a.studentId })), nextCursor: result.nextCursor };
  };

  switch (scope.kind) {
    case "studio":
      return lessons((o) =>
        lesson.query
          .studioCalendar({ studioId })
          .between(...range)
          .where(byStatus as never)
          .go({ ...o, pages: 1 }),
      );
    case "teacher":
      return lessons((o) =>
        lesson.query
          .teacherCalendar({ studioId, teacherId: scope.teacherId })
          .between(...range)
          .where(byStatus as never)
          .go({ ...o, pages: 1 }),
      );
    case "room":
      return lessons((o) =>
        lesson.query
          .roomCalendar({ studioId, roomKey: scope.roomKey })
          .between(...range)
          .where(byStatus as never)
          .go({ ...o, pages: 1 }),
      );
    case "student":
      return attendees(
        (o) =>
          lessonAttendee.query
            .studentCalendar({ studioId, studentId: scope.studentId })
            .between(...range)
            .go({ ...o, pages: 1 }),
        scope.taughtBy,
      );
    case "family":
      return attendees((o) =>
        lessonAttendee.query
          .familyCalendar({ studioId, familyId: scope.familyId })
          .between(...range)
          .go({ ...o, pages: 1 }),
      );
  }
}
