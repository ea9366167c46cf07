import { may, type Actor } from "../../policy";
import { loadLessonFor, readAttendees } from "../lessons/lesson-access";
import { toAttendanceEntry } from "./attendance-view";

/**
 * A lesson's attendance, to whoever may read the lesson: admins and its teachers see every
 * student; a student only their own entry; a parent only their children's.
 */
export async function getLessonAttendance(actor: Actor, studioId: string, lessonId: string) {
  const { member, familyStudentIds } = await loadLessonFor(actor, studioId, lessonId);
  const attendees = await readAttendees(studioId, lessonId);
  const visible = (studentId: string) => may(member, "lesson.attendee.view", { studentId, familyStudentIds });
  return { lessonId, entries: attendees.filter((a) => visible(a.studentId)).map(toAttendanceEntry) };
}
