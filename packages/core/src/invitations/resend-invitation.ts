import { recordAudit } from "../audit";
import { db } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { loadInvitation, notPending } from "./get-invitation";
import { INVITATION_SECONDS } from "./invitation-link";
import { claimInvitationSend } from "./invitation-limits";
import { toInvitation } from "./invitation-view";
import { invitationEmail } from "./new-invitation";

/** Emails a fresh link valid for another 7 days; links from earlier emails stop working. */
export async function resendInvitation(actor: Actor, studioId: string, invitationId: string, now = Date.now()) {
  const { record, studio } = await loadInvitation(actor, studioId, invitationId);
  if (record.status !== "pending") throw notPending(record.status);
  await claimInvitationSend(studioId, record.email);
  const next = {
    ...record,
    sentCount: record.sentCount + 1,
    validUntil: new Date(now + INVITATION_SECONDS * 1000).toISOString(),
    lastSentAt: new Date(now).toISOString(),
    updatedBy: actor.userId,
    updatedAt: new Date(now).toISOString(),
  };
  await commitWrites(db, (tx) => [
    failsWith(
      tx.invitation
        .patch({ studioId, invitationId })
        .set({ sentCount: next.sentCount, validUntil: next.validUntil, lastSentAt: next.lastSentAt, updatedBy: actor.userId })
        .where((a, op) => `${op.eq(a.status, "pending")} AND ${op.eq(a.sentCount, record.sentCount)}`)
        .commit(),
      () => conflict("invitation.changed", "The invitation changed meanwhile; reload and try again."),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "invitation.resent",
      entityType: "invitation",
      entityId: invitationId,
      before: { sentCount: record.sentCount, validUntil: record.validUntil },
      after: { sentCount: next.sentCount, validUntil: next.validUntil },
    }),
    invitationEmail(tx, next, studio),
  ]);
  return toInvitation(next);
}
