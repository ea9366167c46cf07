import { itemOf } from "../../kernel/db/read-together";
import { page } from "../../kernel/pagination/pagination";
import { may, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import type { AttendeeRecord } from "../lessons/lesson-view";
import { scheduleDb } from "../schedule-db";
import { summarise, toAttendanceEntry, toLessonSummary } from "./attendance-view";
import type { AttendanceHistoryQuery } from "./schemas";

/**
 * A student's attendance history (whoever may read the student: admins, their teacher, themself,
 * their parents): their lessons starting in [from, to) — up to now unless `to` is given — newest
 * first, each with its attendance, and the page's counts by status. Two DynamoDB calls: the
 * membership with the student, and one query of the student's calendar index.
 */
export async function attendanceHistory(actor: Actor, studioId: string, query: AttendanceHistoryQuery) {
  const { student: students, lessonAttendee } = scheduleDb().entities;
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(students, { studioId, studentId: query.studentId }));
  const [student] = records;
  if (!student || student.deletedAt || !may(member, "student.view", student)) throw hiddenRecord("Student");

  const to = query.to ?? new Date().toISOString();
  const calendar = lessonAttendee.query.studentCalendar({ studioId, studentId: query.studentId });
  const result = await page<AttendeeRecord>(
    { studioId, list: "attendance-history" },
    (options) => {
      const go = { ...options, pages: 1 as const, order: "desc" as const };
      return query.from ? calendar.between({ scheduledStart: query.from }, { scheduledStart: to }).go(go) : calendar.lt({ scheduledStart: to }).go(go);
    },
    query,
  );
  return {
    studentId: query.studentId,
    items: result.items.map((a) => ({ lesson: toLessonSummary(a, studio.timeZone), attendance: toAttendanceEntry(a) })),
    summary: summarise(result.items),
    nextCursor: result.nextCursor,
  };
}
