import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { teachingDb } from "../teaching-db";
import { loadGoal } from "./goal-access";
import type { GoalRecord } from "./goal-view";

/** Soft-deletes a goal (admins, the student's teacher): it leaves the student's list and answers 404. */
export async function deleteGoal(actor: Actor, studioId: string, goalId: string) {
  const { member, goal: current, student } = await loadGoal(actor, studioId, goalId);
  assertMay(member, "goal.write", student.facts);
  const now = new Date().toISOString();
  const changes = { listing: "deleted" as const, deletedAt: now, updatedBy: actor.userId };
  await commitWrites(teachingDb, (tx) => [
    failsWith(
      tx.goal
        .patch({ studioId, goalId })
        .set({ ...changes, studentId: current.studentId })
        .where((a, op) => `${op.eq(a.listing, "listed")} AND ${op.eq(a.studentId, current.studentId)}`)
        .commit(),
      () => conflict("goal.changed", "The goal changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "goal.deleted",
      entityType: "goal",
      entityId: goalId,
      before: current,
      after: { ...current, ...changes } as GoalRecord,
    }),
  ]);
}
