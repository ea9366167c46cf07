import { itemOf } from "../../kernel/db/read-together";
import { notFound } from "../../kernel/errors";
import { assertMay, signedIn, type Actor, type MemberAccess, type StudioMember } from "../../policy";
import type { StudioRecord } from "../../studios/module";
import { withDefaults, schedulingSettingsRead } from "../settings/read-settings";
import type { SchedulingSettings } from "../settings/defaults";
import { scheduleDb } from "../schedule-db";
import type { AttendeeRecord, LessonRecord } from "./lesson-view";

/** The students of a parent's family (one read), or none for other roles. */
export async function familyStudentIdsOf(studioId: string, member: StudioMember): Promise<string[]> {
  if (member.role !== "parent" || !member.familyId) return [];
  const { data } = await scheduleDb().entities.family.get({ studioId, familyId: member.familyId }).go();
  return data && !data.deletedAt ? (data.studentIds ?? []) : [];
}

/** A lesson's attendee items (one query). */
export async function readAttendees(studioId: string, lessonId: string): Promise<AttendeeRecord[]> {
  const { data } = await scheduleDb().entities.lessonAttendee.query.attendee({ studioId, lessonId }).go({ pages: "all" });
  return data;
}

export interface LoadedLesson {
  member: StudioMember;
  studio: StudioRecord;
  lesson: LessonRecord;
  settings: SchedulingSettings;
  /** For parents: their family's students; otherwise empty. */
  familyStudentIds: string[];
}

/**
 * Loads a lesson the actor may see, with the studio, their membership and the studio's scheduling
 * settings in one BatchGet (a parent's family is a second read). Missing, or not theirs to see: 404.
 */
export const loadLessonFor = (actor: Actor, studioId: string, lessonId: string) => loadLessonWith(signedIn(actor), studioId, lessonId);

/** The same for any way of acting (policy/member-access.ts). */
export async function loadLessonWith(access: MemberAccess, studioId: string, lessonId: string): Promise<LoadedLesson> {
  const { lesson: lessons } = scheduleDb().entities;
  const { member, studio, records } = await access(studioId, itemOf(lessons, { studioId, lessonId }), schedulingSettingsRead(studioId));
  const [lesson, settings] = records;
  if (!lesson) throw notFound("Lesson");
  const familyStudentIds = await familyStudentIdsOf(studioId, member);
  assertMay(member, "lesson.view", { ...lesson, familyStudentIds });
  return { member, studio, lesson, settings: withDefaults(settings), familyStudentIds };
}
