import { itemOf, readTogether } from "../kernel/db/read-together";
import { db } from "../db";
import { invalidInvitation, readInvitationToken, unusableReason } from "./invitation-link";
import type { InvitationRecord } from "./invitation-view";

/**
 * The invitation and studio a token points to, in one read. Throws 400 for a tampered, replaced,
 * revoked or used link; an expired one is returned with `expired` so callers can word it.
 */
export async function openInvitation(token: string, now = Date.now()) {
  const ref = readInvitationToken(token);
  const { invitation, studio } = db().entities;
  const [record, studioRecord] = await readTogether(
    itemOf(invitation, { studioId: ref.studioId, invitationId: ref.invitationId }),
    itemOf(studio, { studioId: ref.studioId }),
  );
  if (!studioRecord || studioRecord.deletedAt) throw invalidInvitation("invitation.studio_closed", "This studio is no longer on StudioSync.");
  const reason = unusableReason(record, ref, now);
  const expired = Boolean(record && record.status === "pending" && record.sentCount === ref.sentCount && Date.parse(record.validUntil) <= now);
  if (reason && !expired) throw reason;
  return { record: record as InvitationRecord, studio: studioRecord, expired, reason };
}
