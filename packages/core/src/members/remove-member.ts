import { recordAudit } from "../audit";
import { db } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { loadTarget, requireOwnerFor } from "./load-target";
import { anotherOwnerCheck } from "./owner-guard";

/**
 * Removes a member (soft: deletedAt). They lose access to this studio at once (every request reads
 * the membership); their sign-in stays, for their other studios. Their profile records stay. An
 * invitation can bring them back.
 */
export async function removeMember(actor: Actor, studioId: string, userId: string) {
  const { actorMember, target } = await loadTarget(actor, studioId, userId);
  requireOwnerFor(actorMember, target);
  const ownerCheck = target.deactivatedAt ? undefined : await anotherOwnerCheck(target);
  const deletedAt = new Date().toISOString();
  await commitWrites(db, (tx) => [
    failsWith(
      tx.membership
        .patch({ studioId, userId })
        .set({ deletedAt, updatedBy: actor.userId })
        .where((a, op) => op.notExists(a.deletedAt))
        .commit(),
      () => conflict("member.removed_meanwhile", "This member was removed meanwhile."),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "member.removed",
      entityType: "member",
      entityId: userId,
      before: { role: target.role, deletedAt: null },
      after: { deletedAt },
    }),
    ...(ownerCheck ? [ownerCheck(tx)] : []),
  ]);
}
