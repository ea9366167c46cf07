import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, type Actor } from "../../policy";
import { withoutEmpty } from "../../people";
import { teachingDb } from "../teaching-db";
import { loadStudentSubject } from "../student-subject";
import { nextProgress } from "./goal-progress";
import { toGoal, type GoalRecord } from "./goal-view";
import type { CreateGoalInput } from "./schemas";

/**
 * Sets a goal for a student (admins, the student's teacher). A student the member may not see is
 * 404; one they see but do not teach (themself, their child) 403. The goal's teacher is the
 * author's teacher profile, else the student's teacher.
 */
export async function createGoal(actor: Actor, studioId: string, input: CreateGoalInput) {
  const { member, student } = await loadStudentSubject(actor, studioId, input.studentId);
  assertMay(member, "goal.write", student.facts);
  const { studentId: _studentId, status, progressPercentage, ...fields } = withoutEmpty(input);
  const now = new Date().toISOString();
  const teacherId = member.teacherId ?? student.facts.primaryTeacherId;
  const record = {
    ...fields,
    title: input.title,
    ...nextProgress(undefined, { status, progressPercentage }, now),
    ...(teacherId ? { teacherId } : {}),
    studioId,
    goalId: uuidv7(),
    studentId: input.studentId,
    listing: "listed" as const,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  } satisfies GoalRecord;

  await commitWrites(teachingDb, (tx) => [
    tx.goal.create(record).commit(),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "goal.created", entityType: "goal", entityId: record.goalId, after: record }),
  ]);
  return toGoal(record);
}
