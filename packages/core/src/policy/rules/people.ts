import { AppError } from "../../kernel/errors";
import type { BandFacts, FamilyFacts, PersonFacts, StudentFacts } from "../facts";
import { adminsOnly, hiddenRecord, isTeacher, rule } from "../rule";
import { isStudioAdmin, type StudioMember } from "../studio-member";

/**
 * Who sees a student: owners and admins everyone; teachers their own students; students
 * themselves; parents their own family's children.
 */
export function seesStudent(member: StudioMember, student: StudentFacts): boolean {
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

/** Admins, and the student's own teacher. */
export const keepsStudent = (member: StudioMember, student: StudentFacts) =>
  isStudioAdmin(member) || (member.role === "teacher" && seesStudent(member, student));

/** The member is this person in the studio (their own teacher, student or guardian profile). */
export function isSelf(member: StudioMember, person: PersonFacts): boolean {
  switch (person.type) {
    case "student":
      return member.role === "student" && member.studentId === person.id;
    case "teacher":
      return member.role === "teacher" && member.teacherId === person.id;
    case "guardian":
      return member.role === "parent" && member.guardianId === person.id && member.familyId === person.familyId;
    default:
      return false;
  }
}

const familyRefusal = (what: string) => () => new AppError("family.role_not_allowed", `Your role may not ${what}`);

/** Teachers, students, families and bands (seeds 001/003). */
export const PEOPLE_RULES = {
  "teacher.manage": adminsOnly(),
  /** A teacher's record (and its pay): everyone sees the directory; its own teacher and admins edit it. */
  "teacher.edit": rule<{ teacherId: string }>(
    (member, { teacherId }) => isStudioAdmin(member) || isTeacher(member, teacherId),
    (member) => new AppError("teacher.role_not_allowed", `Your role (${member.role}) may not change this teacher`),
  ),
  /** A teacher's working week: admins and the teacher themself. */
  "availability.set": rule<{ teacherId: string }>(
    (member, { teacherId }) => isStudioAdmin(member) || isTeacher(member, teacherId),
    () => new AppError("availability.not_yours", "Only the studio's admins and the teacher themself may set their working hours"),
  ),
  "student.manage": adminsOnly(),
  "student.view": rule<StudentFacts>(seesStudent, () => hiddenRecord("Student")),
  /** Teachers keep their own students' records (notes, level, instrument) and see their staff-only fields (medical, allergy); admins everything. */
  "student.edit": rule<StudentFacts>(
    keepsStudent,
    (member) => new AppError("student.role_not_allowed", `Your role (${member.role}) may not change this student`),
  ),
  /** Listing, creating and restoring families. */
  "family.manage": adminsOnly(),
  /** A family: admins; its own parents; a teacher who teaches one of its students. */
  "family.view": rule<FamilyFacts>(
    (member, { familyId, teachesAStudentOfIt }) => {
      if (isStudioAdmin(member)) return true;
      if (member.role === "parent") return member.familyId === familyId;
      return member.role === "teacher" && teachesAStudentOfIt;
    },
    () => hiddenRecord("Family"),
  ),
  /** Admins change a family; a parent their own family (only some fields: families/update-family.ts). */
  "family.edit": rule<{ familyId: string }>(
    (member, { familyId }) => isStudioAdmin(member) || (member.role === "parent" && member.familyId === familyId),
    familyRefusal("change this family"),
  ),
  "family.delete": rule(isStudioAdmin, familyRefusal("delete this family")),
  "guardian.add": rule(isStudioAdmin, familyRefusal("add guardians")),
  "guardian.remove": rule(isStudioAdmin, familyRefusal("remove guardians")),
  /** Admins change every guardian; a parent their own guardian record. */
  "guardian.edit": rule<{ familyId: string; guardianId: string }>(
    (member, { familyId, guardianId }) =>
      isStudioAdmin(member) || (member.role === "parent" && member.familyId === familyId && member.guardianId === guardianId),
    familyRefusal("change this guardian"),
  ),
  /** Listing, creating and restoring bands. */
  "band.manage": adminsOnly(),
  /** A band: admins, the students playing in it, and the teachers of any of them. */
  "band.view": rule<BandFacts>(
    (member, band) => {
      if (isStudioAdmin(member)) return true;
      if (member.role === "student") return Boolean(member.studentId) && band.memberStudentIds.includes(member.studentId!);
      if (member.role === "teacher") return Boolean(member.teacherId) && band.teachesAMember;
      return false;
    },
    () => hiddenRecord("Band"),
  ),
  /** Changing a band and its members: admins. */
  "band.change": rule(isStudioAdmin, (member) => new AppError("band.role_not_allowed", `Your role (${member.role}) may not change bands`)),
} as const;
