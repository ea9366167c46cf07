import { db } from "../db";
import { commitWrites } from "../kernel/db/commit-writes";
import { AppError } from "../kernel/errors";
import { checkInvitee, claimInvitationSend, invitationEmail, newInvitation, profileLinkErrors, toInvitation } from "../invitations";
import type { Actor } from "../policy";
import { toAccessRequest } from "./access-request-view";
import { loadPendingRequest, reviewWrites } from "./load-access-request";
import type { ApproveAccessRequestInput } from "./schemas";

/**
 * Approves a request by inviting the requester with the requested role (and the profile the
 * admin attaches): accepting the emailed invitation creates the membership with a real login.
 */
export async function approveAccessRequest(actor: Actor, studioId: string, requestId: string, links: ApproveAccessRequestInput) {
  const { request, studio } = await loadPendingRequest(actor, studioId, requestId);
  const errors = profileLinkErrors(request.role, links);
  if (errors.length) throw new AppError("validation_failed", "The request has invalid fields", { errors });
  const target = { email: request.email, role: request.role, ...links };
  await checkInvitee(studioId, target);
  await claimInvitationSend(studioId, target.email);

  const invitation = newInvitation(studioId, actor.userId, target);
  const reviewedAt = new Date().toISOString();
  const review = { status: "approved" as const, reviewedBy: actor.userId, reviewedAt, invitationId: invitation.record.invitationId };
  await commitWrites(db, (tx) => [
    ...reviewWrites(tx, { studioId, requestId, actorId: actor.userId }, review),
    ...invitation.writes(tx),
    invitationEmail(tx, invitation.record, studio),
  ]);
  return { accessRequest: toAccessRequest({ ...request, ...review, updatedAt: reviewedAt }), invitation: toInvitation(invitation.record) };
}
