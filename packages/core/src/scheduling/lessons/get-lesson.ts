import type { Actor } from "../../policy";
import { loadLessonFor } from "./lesson-access";
import { lessonNames } from "./lesson-names";
import { toLesson } from "./lesson-view";

/**
 * One lesson: admins, the teacher teaching it (and the teacher it was booked with), its students
 * and their parents; anyone else 404. One DynamoDB call (a parent's family is a second); with
 * `include: "names"` the names of its teachers, students and band come along (one BatchGet more).
 */
export async function getLesson(actor: Actor, studioId: string, lessonId: string, options: { include?: "names" } = {}) {
  const { lesson, studio, member, familyStudentIds } = await loadLessonFor(actor, studioId, lessonId);
  const view = toLesson(lesson, studio.timeZone);
  if (options.include !== "names") return view;
  const own = [member.studentId, ...familyStudentIds].filter((id): id is string => Boolean(id));
  return { ...view, names: await lessonNames(studioId, [lesson], member, own) };
}
