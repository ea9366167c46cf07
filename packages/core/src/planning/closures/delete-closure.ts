import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { notFound } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { planningDb } from "../planning-db";

/**
 * Removes a closure (admins; soft delete): its dates can be booked again. The lessons it
 * cancelled stay cancelled, with their make-up credits: rebook them as needed.
 */
export async function deleteClosure(actor: Actor, studioId: string, closureId: string): Promise<void> {
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(planningDb().entities.closure, { studioId, closureId }));
  assertMay(member, "closure.manage");
  const closure = records[0];
  if (!closure || closure.deletedAt) throw notFound("Closure");
  const deletedAt = new Date().toISOString();
  await commitWrites(planningDb, (tx) => [
    failsWith(
      tx.closure
        .patch({ studioId, closureId })
        .set({ deletedAt, updatedBy: actor.userId })
        .where((a, op) => op.notExists(a.deletedAt))
        .commit(),
      () => notFound("Closure"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "closure.deleted",
      entityType: "closure",
      entityId: closureId,
      before: closure,
      after: { ...closure, deletedAt },
    }),
  ]);
}
