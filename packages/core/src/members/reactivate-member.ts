import { recordAudit } from "../audit";
import { db } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { loadTarget, requireOwnerFor } from "./load-target";
import { toMember } from "./member-view";

/** Gives a deactivated member their access back, from their next request. */
export async function reactivateMember(actor: Actor, studioId: string, userId: string) {
  const { actorMember, target, targetUser } = await loadTarget(actor, studioId, userId);
  requireOwnerFor(actorMember, target);
  if (!target.deactivatedAt) throw conflict("member.not_deactivated", "This member is not deactivated.");
  await commitWrites(db, (tx) => [
    failsWith(
      tx.membership
        .patch({ studioId, userId })
        .set({ updatedBy: actor.userId })
        .remove(["deactivatedAt"])
        .where((a, op) => `${op.exists(a.deactivatedAt)} AND ${op.notExists(a.deletedAt)}`)
        .commit(),
      () => conflict("member.changed", "The member changed meanwhile; reload and try again."),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "member.reactivated",
      entityType: "member",
      entityId: userId,
      before: { deactivatedAt: target.deactivatedAt },
      after: { deactivatedAt: null },
    }),
  ]);
  const { deactivatedAt: _, ...active } = target;
  return toMember({ ...active, updatedBy: actor.userId, updatedAt: new Date().toISOString() }, targetUser);
}
