import { itemOf } from "../../kernel/db/read-together";
import { hiddenRecord, type Actor } from "../../policy";
import { teachingDb } from "../teaching-db";
import { loadMemberAndRecord } from "../member-record";
import { visibleSubjectOf } from "../student-subject";
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
