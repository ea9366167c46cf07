import { itemOf } from "../../kernel/db/read-together";
import { AppError } from "../../kernel/errors";
import { hiddenRecord, type Actor, type StudioMember } from "../../policy";
import { teachingDb } from "../teaching-db";
import { loadMemberAndRecord } from "../member-record";
import { visibleSubjectOf, type StudentSubject } from "../student-subject";
import { mayWriteGoal } from "../teaching-permissions";
import type { GoalRecord } from "./goal-view";

/**
 * A listed goal and its student, as a member who may see the student sees it (two reads: the goal
 * names the student). Missing, deleted, or a student the member may not see → 404 alike.
 */
export async function loadGoal(actor: Actor, studioId: string, goalId: string) {
  const { member, studio, record } = await loadMemberAndRecord(actor, studioId, itemOf(teachingDb().entities.goal, { studioId, goalId }));
  const goal = record as GoalRecord | null;
  if (!goal || goal.listing !== "listed") throw hiddenRecord("Goal");
  const student = await visibleSubjectOf(member, studioId, goal.studentId);
  if (!student) throw hiddenRecord("Goal");
  return { member, studio, goal, student };
}

/** 403 unless the member writes this student's goals (admins, the student's teacher). */
export function requireWriteGoal(member: StudioMember, student: StudentSubject): void {
  if (!mayWriteGoal(member, student.facts)) {
    throw new AppError("goal.teachers_only", "Only the studio's admins and the student's teacher may change goals");
  }
}
