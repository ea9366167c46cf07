import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { applyChanges, splitChanges } from "../../people";
import { teachingDb } from "../teaching-db";
import { loadLessonPlan } from "./lesson-plan-access";
import { planIndexKeys, titleKeyOf, toLessonPlan, type LessonPlanRecord } from "./lesson-plan-view";
import type { UpdateLessonPlanInput } from "./schemas";

/**
 * Changes a plan (admins, its author; another teacher who sees a public plan gets 403). `null`
 * clears a field. Conditional on the version read: a concurrent change is a 409, not lost.
 */
export async function updateLessonPlan(actor: Actor, studioId: string, planId: string, input: UpdateLessonPlanInput) {
  const { member, plan: current } = await loadLessonPlan(actor, studioId, planId);
  assertMay(member, "lesson-plan.edit", current);
  const { set, remove } = splitChanges(input);
  const now = new Date().toISOString();
  const merged = applyChanges(current, set, remove, now);
  const keys = planIndexKeys({ ...merged, titleKey: titleKeyOf(merged.title) });
  const after = { ...merged, ...keys, updatedBy: actor.userId } as LessonPlanRecord;

  await commitWrites(teachingDb, (tx) => [
    failsWith(
      tx.lessonPlan
        .patch({ studioId, planId })
        .set({ ...(set as Partial<LessonPlanRecord>), ...keys, updatedBy: actor.userId })
        .remove(remove as never)
        .where((a, op) => `${op.eq(a.updatedAt, current.updatedAt)} AND ${op.eq(a.listing, "listed")}`)
        .commit(),
      () => conflict("lesson_plan.changed", "The lesson plan changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "lessonPlan.updated", entityType: "lessonPlan", entityId: planId, before: current, after }),
  ]);
  return toLessonPlan(after);
}
