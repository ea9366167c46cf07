import { may, type StudioMember } from "../../policy";
import { readFeedNames } from "../ical/feed-names";
import type { LessonRecord } from "./lesson-view";

/** Display names of the people and bands a set of lessons mentions, by id (`?include=names`). */
export interface LessonNames {
  teachers: Record<string, string>;
  students: Record<string, string>;
  bands: Record<string, string>;
}

/**
 * The names a calendar or lesson page shows, read by key with the lessons (BatchGets of 100),
 * so a page never reads people one row at a time. Staff see every name; a student only their
 * own, a parent only their children's (`ownStudentIds`): the other members of a band stay ids.
 */
export async function lessonNames(studioId: string, lessons: LessonRecord[], member: StudioMember, ownStudentIds: readonly string[]): Promise<LessonNames> {
  const shown = (studentId: string) => may(member, "lesson.attendee.view", { studentId, familyStudentIds: ownStudentIds });
  const visible = lessons.map((l) => ({ ...l, studentIds: l.studentIds.filter(shown) }));
  // The teacher a substitute stands in for is named too.
  const originals = lessons.flatMap((l) => (l.originalTeacherId ? [{ ...l, teacherId: l.originalTeacherId, studentIds: [], bandId: undefined }] : []));
  const read = await readFeedNames(studioId, [...visible, ...originals]);
  return {
    teachers: Object.fromEntries(read.teachers),
    students: Object.fromEntries([...read.students].map(([id, s]) => [id, s.name])),
    bands: Object.fromEntries(read.bands),
  };
}
