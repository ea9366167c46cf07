import { itemOf } from "../kernel/db/read-together";
import { db } from "../db";
import { AppError, notFound } from "../kernel/errors";
import { assertMay, loadMemberWith, type Actor, type StudioMember } from "../policy";
import type { MembershipRecord, UserRecord } from "./member-view";

/** The member being changed (with their user) and the admin changing them, in one read. */
export async function loadTarget(actor: Actor, studioId: string, userId: string) {
  const { membership, user } = db().entities;
  // Acting on oneself: the membership is already in the batch once (BatchGetItem refuses duplicate keys).
  const self = userId === actor.userId;
  const {
    member,
    records: [targetUser, other],
  } = await loadMemberWith(actor, studioId, itemOf(user, { userId }), ...(self ? [] : [itemOf(membership, { studioId, userId })]));
  const target = self ? (await membership.get({ studioId, userId }).go()).data : other;
  assertMay(member, "member.manage");
  if (!target || target.deletedAt || !targetUser) throw notFound("Member");
  return { actorMember: member, target: target as MembershipRecord, targetUser: targetUser as UserRecord };
}

/** Only an owner may make someone an owner, or change, deactivate or remove an owner. */
export function requireOwnerFor(actorMember: StudioMember, target: MembershipRecord, newRole?: string): void {
  if ((target.role === "owner" || newRole === "owner") && actorMember.role !== "owner") {
    throw new AppError("member.owner_only", "Only an owner may make, change or remove owners");
  }
}
