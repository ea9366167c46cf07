import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { teachingDb } from "../teaching-db";
import { loadLessonPlan } from "./lesson-plan-access";
import { planIndexKeys, type LessonPlanRecord } from "./lesson-plan-view";

/** Soft-deletes a plan (admins, its author): it leaves every list and answers 404. */
export async function deleteLessonPlan(actor: Actor, studioId: string, planId: string) {
  const { member, plan: current } = await loadLessonPlan(actor, studioId, planId);
  assertMay(member, "lesson-plan.edit", current);
  const now = new Date().toISOString();
  const changes = { ...planIndexKeys({ ...current, listing: "deleted" }), deletedAt: now, updatedBy: actor.userId };
  await commitWrites(teachingDb, (tx) => [
    failsWith(
      tx.lessonPlan
        .patch({ studioId, planId })
        .set(changes)
        .where((a, op) => op.eq(a.listing, "listed"))
        .commit(),
      () => conflict("lesson_plan.changed", "The lesson plan changed meanwhile; reload and try again"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "lessonPlan.deleted",
      entityType: "lessonPlan",
      entityId: planId,
      before: current,
      after: { ...current, ...changes } as LessonPlanRecord,
    }),
  ]);
}
