import { AppError } from "../../kernel/errors";
import type { NoteFacts, PlanFacts, StudentFacts } from "../facts";
import { hiddenRecord, isTeacher, rule } from "../rule";
import { isStaff, isStudioAdmin } from "../studio-member";
import { keepsStudent, seesStudent } from "./people";

/**
 * Teaching records. Notes: of a lesson the member may read, admins and teachers see all; students
 * those visible to the student; parents those visible to the parent (the flags are honoured
 * exactly). Goals: read = who may read the student, write = admins and the student's teacher.
 * Practice logs: read = who may read the student, write = admins, the student themself and their
 * parents. Lesson plans: admins and teachers only; a teacher sees their own and the public ones and
 * changes only their own.
 */
export const TEACHING_RULES = {
  "note.view": rule<NoteFacts>(
    (member, note) => {
      if (isStaff(member)) return true;
      if (member.role === "student") return note.visibleToStudent;
      if (member.role === "parent") return note.visibleToParent;
      return false;
    },
    () => hiddenRecord("Lesson note"),
  ),
  "goal.write": rule<StudentFacts>(
    keepsStudent,
    () => new AppError("goal.teachers_only", "Only the studio's admins and the student's teacher may change goals"),
  ),
  "practice-log.write": rule<StudentFacts>(
    (member, student) => isStudioAdmin(member) || ((member.role === "student" || member.role === "parent") && seesStudent(member, student)),
    () => new AppError("practice_log.not_household", "Only the student, their parents and the studio's admins record practice"),
  ),
  /** The roles that work with lesson plans at all (others get 403 on the collection, 404 on a plan). */
  "lesson-plan.use": rule(
    isStaff,
    (member) => new AppError("lesson_plan.role_not_allowed", `Your role (${member.role}) may not use lesson plans in this studio`),
  ),
  "lesson-plan.view": rule<PlanFacts>(
    (member, plan) => isStudioAdmin(member) || (member.role === "teacher" && (plan.isPublic || isTeacher(member, plan.teacherId))),
    () => hiddenRecord("Lesson plan"),
  ),
  "lesson-plan.edit": rule<{ teacherId: string }>(
    (member, plan) => isStudioAdmin(member) || isTeacher(member, plan.teacherId),
    () => new AppError("lesson_plan.not_author", "Only the plan's author and the studio's admins may change it"),
  ),
} as const;
