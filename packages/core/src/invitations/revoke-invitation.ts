import { recordAudit } from "../audit";
import { db } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { loadInvitation, notPending } from "./get-invitation";
import { toInvitation } from "./invitation-view";

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(actor: Actor, studioId: string, invitationId: string, now = Date.now()) {
  const { record } = await loadInvitation(actor, studioId, invitationId);
  if (record.status !== "pending") throw notPending(record.status);
  const revokedAt = new Date(now).toISOString();
  await commitWrites(db, (tx) => [
    failsWith(
      tx.invitation
        .patch({ studioId, invitationId })
        .set({ status: "revoked", revokedAt, updatedBy: actor.userId })
        .where((a, op) => op.eq(a.status, "pending"))
        .commit(),
      () => conflict("invitation.changed", "The invitation was accepted or revoked meanwhile."),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: invitationId,
      before: { status: "pending" },
      after: { status: "revoked", revokedAt },
    }),
  ]);
  return toInvitation({ ...record, status: "revoked", revokedAt, updatedBy: actor.userId, updatedAt: revokedAt });
}
