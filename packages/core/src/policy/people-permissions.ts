import { AppError } from "../kernel/errors";
import { isStudioAdmin, type StudioMember } from "./studio-member";

/**
 * Record-level rules for people (seeds 001/003): owners and admins see and change everyone in
 * their studio; teachers their own students and those students' families; students themselves;
 * parents their own family's children. Pure functions, so the rules are tested as a table.
 */
export interface StudentFacts {
  studentId: string;
  primaryTeacherId?: string;
  familyId?: string;
}

export function mayReadStudent(member: StudioMember, student: StudentFacts): boolean {
  if (isStudioAdmin(member)) return true;
  switch (member.role) {
    case "teacher":
      return Boolean(member.teacherId) && student.primaryTeacherId === member.teacherId;
    case "student":
      return Boolean(member.studentId) && student.studentId === member.studentId;
    case "parent":
      return Boolean(member.familyId) && student.familyId === member.familyId;
    default:
      return false;
  }
}

/** Teachers keep their own students' records (notes, level, instrument); admins everything. */
export function mayEditStudent(member: StudioMember, student: StudentFacts): boolean {
  return isStudioAdmin(member) || (member.role === "teacher" && mayReadStudent(member, student));
}

/** Medical and allergy notes: only admins and the student's own teachers. */
export function mayReadMedicalNotes(member: StudioMember, student: StudentFacts): boolean {
  return isStudioAdmin(member) || (member.role === "teacher" && mayReadStudent(member, student));
}

/** A family: admins; its own parents; a teacher who teaches one of its students. */
export function mayReadFamily(member: StudioMember, familyId: string, teachesAStudentOfIt: boolean): boolean {
  if (isStudioAdmin(member)) return true;
  if (member.role === "parent") return member.familyId === familyId;
  return member.role === "teacher" && teachesAStudentOfIt;
}

/** A teacher's record: everyone in the studio sees the directory; its own teacher and admins edit it. */
export function mayEditTeacher(member: StudioMember, teacherId: string): boolean {
  return isStudioAdmin(member) || (member.role === "teacher" && member.teacherId === teacherId);
}

/** Admin-only areas: teachers' pay and status, families, bands, members, invitations, access requests, audit, imports. */
export function requireStudioAdmin(member: StudioMember): void {
  if (!isStudioAdmin(member)) throw new AppError("role.not_allowed", `Your role (${member.role}) may not do this in this studio`);
}

/**
 * A record the member may not see answers 404 like a missing one (do not confirm it exists);
 * one they may see but not change answers 403.
 */
export const hiddenRecord = (what: string) => new AppError("not_found", `${what} not found`);
