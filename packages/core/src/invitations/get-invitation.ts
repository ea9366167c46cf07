import { itemOf } from "../kernel/db/read-together";
import { db } from "../db";
import { conflict, notFound } from "../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import { toInvitation, type InvitationRecord } from "./invitation-view";

/** The invitation (admins only), 404 when it is not this studio's. */
export async function loadInvitation(actor: Actor, studioId: string, invitationId: string) {
  const {
    member,
    studio,
    records: [record],
  } = await loadMemberWith(actor, studioId, itemOf(db().entities.invitation, { studioId, invitationId }));
  assertMay(member, "invitation.manage");
  if (!record) throw notFound("Invitation");
  return { record: record as InvitationRecord, studio };
}

export async function getInvitation(actor: Actor, studioId: string, invitationId: string) {
  return toInvitation((await loadInvitation(actor, studioId, invitationId)).record);
}

export const notPending = (status: string) =>
  conflict("invitation.not_pending", `This invitation is ${status}; only pending invitations can be resent or revoked.`);
