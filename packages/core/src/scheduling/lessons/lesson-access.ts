import { itemOf } from "../../kernel/db/read-together";
import { AppError, notFound } from "../../kernel/errors";
import { isStudioAdmin, signedIn, type Actor, type MemberAccess, type StudioMember } from "../../policy";
import type { StudioRecord } from "../../studios/studio-view";
import { withDefaults, schedulingSettingsRead } from "../settings/read-settings";
import type { SchedulingSettings } from "../settings/defaults";
import { scheduleDb } from "../schedule-db";
import type { AttendeeRecord, LessonRecord } from "./lesson-view";

type LessonFacts = Pick<LessonRecord, "teacherId" | "originalTeacherId" | "studentIds">;

/**
 * Who sees a lesson: admins; the teacher teaching it and the teacher it was booked with; its
 * students; the parents of its students (`familyStudentIds`: the children of the parent's family).
 */
export function mayReadLesson(member: StudioMember, lesson: LessonFacts, familyStudentIds: string[] = []): boolean {
  if (isStudioAdmin(member)) return true;
  switch (member.role) {
    case "teacher":
      return Boolean(member.teacherId) && (lesson.teacherId === member.teacherId || lesson.originalTeacherId === member.teacherId);
    case "student":
      return Boolean(member.studentId) && lesson.studentIds.includes(member.studentId!);
    case "parent":
      return familyStudentIds.some((id) => lesson.studentIds.includes(id));
    default:
      return false;
  }
}

/**
 * Who runs a lesson (changes it, takes attendance, writes notes): admins, the teacher teaching it
 * and the teacher it was booked with — a substitution (set by admins only) adds the substitute and
 * takes nothing away from the lesson's own teacher.
 */
export const mayTeachLesson = (member: StudioMember, lesson: Pick<LessonRecord, "teacherId" | "originalTeacherId">) =>
  isStudioAdmin(member) ||
  (member.role === "teacher" && Boolean(member.teacherId) && (lesson.teacherId === member.teacherId || lesson.originalTeacherId === member.teacherId));

/** 403 unless the member runs the lesson (call after loadLessonFor, which already hid it from non-readers). */
export function requireTeachLesson(member: StudioMember, lesson: Pick<LessonRecord, "teacherId" | "originalTeacherId">): void {
  if (!mayTeachLesson(member, lesson)) throw new AppError("lesson.teachers_only", "Only the studio's admins and the lesson's teachers may do this");
}

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
  if (!mayReadLesson(member, lesson, familyStudentIds)) throw notFound("Lesson");
  return { member, studio, lesson, settings: withDefaults(settings), familyStudentIds };
}
