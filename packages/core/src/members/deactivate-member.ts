import { recordAudit } from "../audit";
import { db } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { loadTarget, requireOwnerFor } from "./load-target";
import { toMember } from "./member-view";
import { anotherOwnerCheck } from "./owner-guard";

/**
 * Suspends a member: no access to this studio from their next request (every request reads the
 * membership). Their sign-in stays, for the other studios they belong to.
 */
export async function deactivateMember(actor: Actor, studioId: string, userId: string) {
  const { actorMember, target, targetUser } = await loadTarget(actor, studioId, userId);
  requireOwnerFor(actorMember, target);
  if (target.deactivatedAt) throw conflict("member.already_deactivated", "This member is already deactivated.");
  const ownerCheck = await anotherOwnerCheck(target);
  const deactivatedAt = new Date().toISOString();
  await commitWrites(db, (tx) => [
    failsWith(
      tx.membership
        .patch({ studioId, userId })
        .set({ deactivatedAt, updatedBy: actor.userId })
        .where((a, op) => `${op.notExists(a.deactivatedAt)} AND ${op.notExists(a.deletedAt)}`)
        .commit(),
      () => conflict("member.changed", "The member changed meanwhile; reload and try again."),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "member.deactivated",
      entityType: "member",
      entityId: userId,
      before: { deactivatedAt: null },
      after: { deactivatedAt },
    }),
    ...(ownerCheck ? [ownerCheck(tx)] : []),
  ]);
  return toMember({ ...target, deactivatedAt, updatedBy: actor.userId, updatedAt: deactivatedAt }, targetUser);
}
