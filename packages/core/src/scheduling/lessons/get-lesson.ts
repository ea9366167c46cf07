import type { Actor } from "../../policy";
import { loadLessonFor } from "./lesson-access";
import { toLesson } from "./lesson-view";

/**
 * One lesson: admins, the teacher teaching it (and the teacher it was booked with), its students
 * and their parents; anyone else 404. One DynamoDB call (a parent's family is a second).
 */
export async function getLesson(actor: Actor, studioId: string, lessonId: string) {
  const { lesson, studio } = await loadLessonFor(actor, studioId, lessonId);
  return toLesson(lesson, studio.timeZone);
}
