import { may, type Actor } from "../../policy";
import { toAttendanceEntry } from "../attendance/attendance-view";
import { loadLessonFor, readAttendees } from "./lesson-access";
import { lessonNames } from "./lesson-names";
import { toLesson } from "./lesson-view";

/** What GET …/lessons/{lessonId} adds to the lesson on request. */
export type LessonInclude = "names" | "attendance";

/**
 * One lesson: admins, the teacher teaching it (and the teacher it was booked with), its students
 * and their parents; anyone else 404. One DynamoDB call (a parent's family is a second); with
 * `include: "names"` the names of its teachers, students and band come along (one BatchGet more);
 * with `"attendance"` its attendance as GET …/attendance gives it (one Query more, in parallel).
 */
export async function getLesson(actor: Actor, studioId: string, lessonId: string, options: { include?: LessonInclude | LessonInclude[] } = {}) {
  const { lesson, studio, member, familyStudentIds } = await loadLessonFor(actor, studioId, lessonId);
  const view = toLesson(lesson, studio.timeZone);
  const include = new Set([options.include ?? []].flat());
  if (include.size === 0) return view;
  const own = [member.studentId, ...familyStudentIds].filter((id): id is string => Boolean(id));
  const [names, attendees] = await Promise.all([
    include.has("names") ? lessonNames(studioId, [lesson], member, own) : undefined,
    include.has("attendance") ? readAttendees(studioId, lessonId) : undefined,
  ]);
  // Attendance as GET …/attendance gives it: every student to staff, a student their own entry, a parent their children's.
  const visible = (studentId: string) => may(member, "lesson.attendee.view", { studentId, familyStudentIds });
  return {
    ...view,
    ...(names ? { names } : {}),
    ...(attendees ? { attendance: attendees.filter((a) => visible(a.studentId)).map(toAttendanceEntry) } : {}),
  };
}
