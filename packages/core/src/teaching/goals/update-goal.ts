import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { applyChanges, splitChanges } from "../../people";
import { teachingDb } from "../teaching-db";
import { loadGoal } from "./goal-access";
import { nextProgress } from "./goal-progress";
import { toGoal, type GoalRecord } from "./goal-view";
import type { UpdateGoalInput } from "./schemas";

/**
 * Changes a goal (admins, the student's teacher); `null` clears the description or target date.
 * Achieving it sets the progress to 100 and `achievedAt`. Conditional on the version read: a
 * concurrent change is a 409, not lost.
 */
export async function updateGoal(actor: Actor, studioId: string, goalId: string, input: UpdateGoalInput) {
  const { member, goal: current, student } = await loadGoal(actor, studioId, goalId);
  assertMay(member, "goal.write", student.facts);
  const now = new Date().toISOString();
  const { status, progressPercentage, ...rest } = input;
  const progress = nextProgress(current, { status, progressPercentage }, now);
  const { set, remove } = splitChanges({ ...rest, ...progress, achievedAt: progress.achievedAt ?? null });
  const after = { ...applyChanges(current, set, remove, now), updatedBy: actor.userId } as GoalRecord;

  await commitWrites(teachingDb, (tx) => [
    failsWith(
      tx.goal
        .patch({ studioId, goalId })
        .set({ ...(set as Partial<GoalRecord>), updatedBy: actor.userId })
        .remove(remove as never)
        .where((a, op) => `${op.eq(a.updatedAt, current.updatedAt)} AND ${op.eq(a.listing, "listed")}`)
        .commit(),
      () => conflict("goal.changed", "The goal changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "goal.updated", entityType: "goal", entityId: goalId, before: current, after }),
  ]);
  return toGoal(after);
}
