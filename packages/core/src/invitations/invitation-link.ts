import { LINK_LIFETIME_SECONDS, LINK_PAGE, readLinkToken, signLinkToken } from "../accounts";
import { config } from "../kernel/config";
import { AppError, type ReasonOf } from "../kernel/errors";
import type { InvitationRecord } from "./invitation-view";

/**
 * The invitation link's token names the studio, the invitation and which sending it came from
 * (`sentCount`): a resend bumps the count, so older links stop working. Single use is the
 * invitation's own status (pending → accepted, conditionally), not an EmailLink item.
 */
export interface InvitationRef {
  studioId: string;
  invitationId: string;
  sentCount: number;
}

export const INVITATION_SECONDS = LINK_LIFETIME_SECONDS.invitation;

export const invalidInvitation = (reason: ReasonOf<"invalid_token"> = "invalid_token", detail = "This invitation link is invalid.") =>
  new AppError(reason, detail);

export function invitationUrl(r: Pick<InvitationRecord, "studioId" | "invitationId" | "sentCount" | "validUntil">): string {
  const linkId = [r.studioId, r.invitationId, r.sentCount].join(":");
  const token = signLinkToken(linkId, "invitation", Math.floor(Date.parse(r.validUntil) / 1000));
  return `${config().webUrl}${LINK_PAGE.invitation}?token=${encodeURIComponent(token)}`;
}

/**
 * Checks the signature only. The signed expiry equals the validUntil of the sending whose
 * sentCount the token carries, so expiry is judged from the record (unusableReason), which lets
 * the accept page say "expired" instead of "invalid".
 */
export function readInvitationToken(token: string): InvitationRef {
  let linkId: string;
  try {
    linkId = readLinkToken(token, "invitation", 0).linkId;
  } catch {
    throw invalidInvitation();
  }
  const [studioId, invitationId, count] = linkId.split(":");
  const sentCount = Number(count);
  if (!studioId || !invitationId || !Number.isInteger(sentCount)) throw invalidInvitation();
  return { studioId, invitationId, sentCount };
}

/** Why a token no longer opens its invitation, or null when it does. */
export function unusableReason(record: InvitationRecord | null, ref: InvitationRef, now = Date.now()): AppError | null {
  if (!record) return invalidInvitation();
  if (record.sentCount !== ref.sentCount) {
    return invalidInvitation("invitation.replaced", "A newer invitation email replaced this link. Use the link in the latest email.");
  }
  if (record.status === "revoked") return invalidInvitation("invitation.revoked", "This invitation was withdrawn by the studio.");
  if (record.status === "accepted") return invalidInvitation("invitation.used", "This invitation has already been used.");
  if (Date.parse(record.validUntil) <= now) return invalidInvitation("invitation.expired", "This invitation has expired. Ask the studio to send a new one.");
  return null;
}
