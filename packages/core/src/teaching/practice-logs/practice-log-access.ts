import { AppError } from "../../kernel/errors";
import type { StudioMember } from "../../policy";
import type { StudentSubject } from "../student-subject";
import { mayWritePracticeLog } from "../teaching-permissions";

/** 403 unless the member records this student's practice (admins, the student, their parents). */
export function requireWritePracticeLog(member: StudioMember, student: StudentSubject): void {
  if (!mayWritePracticeLog(member, student.facts)) {
    throw new AppError("practice_log.not_household", "Only the student, their parents and the studio's admins record practice");
  }
}
