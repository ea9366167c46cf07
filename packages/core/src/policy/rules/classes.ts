import { AppError } from "../../kernel/errors";
import type { TeachingFacts } from "../facts";
import { hiddenRecord, isTeacher, rule } from "../rule";
import { isStudioAdmin } from "../studio-member";

const teachesSlot = (member: Parameters<typeof isStudioAdmin>[0], slot: TeachingFacts) => isStudioAdmin(member) || isTeacher(member, slot.teacherId);

/**
 * Courses, class slots, admissions and waitlists. Every member sees the studio's courses (families
 * choose from them); owners and admins keep courses and slots, admit, withdraw and run the
 * waitlists; a slot's teacher sees it (roster, waitlist) read-only and takes its attendance; other
 * teachers and families do not see a slot (404).
 */
export const CLASS_RULES = {
  "course.view": rule(
    () => true,
    () => hiddenRecord("Course"),
  ),
  "class.manage": rule(
    isStudioAdmin,
    (member) => new AppError("class.admins_only", `Your role (${member.role}) may not change courses, class slots or admissions`),
  ),
  "class-slot.view": rule<TeachingFacts>(teachesSlot, () => hiddenRecord("Class slot")),
  "class-slot.teach": rule<TeachingFacts>(
    teachesSlot,
    () => new AppError("class.teachers_only", "Only the studio's admins and the slot's teacher may take its attendance"),
  ),
} as const;
