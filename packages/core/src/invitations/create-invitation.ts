import { db } from "../db";
import { commitWrites } from "../kernel/db/commit-writes";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import { assertInvitable, inviteeReads } from "./check-invitee";
import { claimInvitationSend } from "./invitation-limits";
import { toInvitation } from "./invitation-view";
import { invitationEmail, newInvitation } from "./new-invitation";
import type { CreateInvitationInput } from "./schemas";

/** Invites someone by email with a role and the profile they will be (admins only; limited per recipient and studio). */
export async function createInvitation(actor: Actor, studioId: string, input: CreateInvitationInput) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, ...inviteeReads(studioId, input));
  assertMay(member, "invitation.manage");
  await assertInvitable(studioId, input, records);
  await claimInvitationSend(studioId, input.email);
  const invitation = newInvitation(studioId, actor.userId, input);
  await commitWrites(db, (tx) => [...invitation.writes(tx), invitationEmail(tx, invitation.record, studio)]);
  return toInvitation(invitation.record);
}
