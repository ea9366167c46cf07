import { isStudioAdmin, mayEditStudent, mayReadStudent, type StudentFacts, type StudioMember } from "../policy";
import { STUDIO_AUTHOR } from "./lesson-plan.entity";

/**
 * Record-level rules for teaching records. Goals: read = who may read the student, write = admins
 * and the student's teacher. Practice logs: read = who may read the student, write = admins, the
 * student themself and their parents. Lesson plans: admins and teachers only; a teacher sees their
 * own and the public ones and changes only their own.
 */
export const mayWriteGoal = (member: StudioMember, student: StudentFacts) => mayEditStudent(member, student);

export const mayWritePracticeLog = (member: StudioMember, student: StudentFacts) =>
  isStudioAdmin(member) || ((member.role === "student" || member.role === "parent") && mayReadStudent(member, student));

/** The roles that work with lesson plans at all (others get 403 on the collection, 404 on a plan). */
export const usesLessonPlans = (member: StudioMember) => isStudioAdmin(member) || member.role === "teacher";

/** Whose plans the member writes: their teacher profile, or "studio" for an admin without one. */
export const planAuthorOf = (member: StudioMember): string | undefined => member.teacherId ?? (isStudioAdmin(member) ? STUDIO_AUTHOR : undefined);

export function mayReadPlan(member: StudioMember, plan: { teacherId: string; isPublic: boolean }): boolean {
  if (isStudioAdmin(member)) return true;
  if (member.role !== "teacher") return false;
  return plan.isPublic || (Boolean(member.teacherId) && plan.teacherId === member.teacherId);
}

export const mayEditPlan = (member: StudioMember, plan: { teacherId: string }) =>
  isStudioAdmin(member) || (member.role === "teacher" && Boolean(member.teacherId) && plan.teacherId === member.teacherId);
