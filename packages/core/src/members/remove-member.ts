import { recordAudit } from "../audit/record-audit";
import { db } from "../db/service";
import { assertCommitted } from "../kernel/db/transactions";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { loadTarget, requireOwnerFor } from "./load-target";
import { anotherOwnerCheck, lastOwner } from "./owner-guard";

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
  const outcome = await db()
    .transaction.write((tx) => [
      tx.membership
        .patch({ studioId, userId })
        .set({ deletedAt, updatedBy: actor.userId })
        .where((a, op) => op.notExists(a.deletedAt))
        .commit(),
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
    ])
    .go();
  assertCommitted(outcome, (index) =>
    index === 0 ? conflict("member.removed_meanwhile", "This member was removed meanwhile.") : index === 2 ? lastOwner() : undefined,
  );
}
