import { itemOf } from "../../kernel/db/read-together";
import { page } from "../../kernel/pagination/pagination";
import { may, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import { lessonOfAttendee, toLessonSummary, type AttendeeRecord } from "../../scheduling";
import { teachingDb } from "../teaching-db";
import { toLessonNote } from "./lesson-note-view";
import type { StudentNotesQuery } from "./schemas";

/**
 * A student's lesson notes in one request, for their record page: their lessons up to now, newest
 * first (`limit` lessons a page), each with the notes the member may see on it — lessons the member
 * may not read (another teacher's) and lessons without a visible note are left out. DynamoDB calls:
 * the membership with the student, one query of the student's calendar, one query per lesson (≤ 25).
 */
export async function studentNotes(actor: Actor, studioId: string, query: StudentNotesQuery) {
  const { student: students, lessonAttendee, lessonNote } = teachingDb().entities;
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(students, { studioId, studentId: query.studentId }));
  const [student] = records;
  if (!student || student.deletedAt || !may(member, "student.view", student)) throw hiddenRecord("Student");

  const now = new Date().toISOString();
  const lessons = await page<AttendeeRecord>(
    { studioId, list: "student-notes", params: { studentId: query.studentId } },
    (options) =>
      lessonAttendee.query
        .studentCalendar({ studioId, studentId: query.studentId })
        .lt({ scheduledStart: now })
        .go({ ...options, pages: 1, order: "desc" }),
    query,
  );
  const readable = lessons.items.filter((a) => may(member, "lesson.view", { ...lessonOfAttendee(a), familyStudentIds: [query.studentId] }));
  const notes = await Promise.all(readable.map((a) => lessonNote.query.note({ studioId, lessonId: lessonOfAttendee(a).lessonId }).go({ pages: "all" })));
  const items = readable
    .map((a, i) => ({
      lesson: toLessonSummary(a, studio.timeZone),
      notes: notes[i]!.data.filter((n) => may(member, "note.view", n)).map(toLessonNote),
    }))
    .filter((item) => item.notes.length > 0);
  return { studentId: query.studentId, items, nextCursor: lessons.nextCursor };
}
