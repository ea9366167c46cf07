import { recordAudit } from "../audit";
import { db } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { loadTarget, requireOwnerFor } from "./load-target";
import { toMember } from "./member-view";
import { anotherOwnerCheck } from "./owner-guard";
import type { UpdateMemberInput } from "./schemas";

const changedMeanwhile = () => conflict("member.changed", "The member changed meanwhile; reload and try again.");

/** Changes a member's role (admins; owners only for owner changes). Takes effect on their next request. */
export async function changeMemberRole(actor: Actor, studioId: string, userId: string, input: UpdateMemberInput) {
  const { actorMember, target, targetUser } = await loadTarget(actor, studioId, userId);
  requireOwnerFor(actorMember, target, input.role);
  if (input.role === target.role) return toMember(target, targetUser);
  const ownerCheck = input.role === "owner" ? undefined : await anotherOwnerCheck(target);
  await commitWrites(db, (tx) => [
    failsWith(
      tx.membership
        .patch({ studioId, userId })
        .set({ role: input.role, updatedBy: actor.userId })
        .where((a, op) => `${op.eq(a.role, target.role)} AND ${op.notExists(a.deletedAt)}`)
        .commit(),
      changedMeanwhile,
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "member.role_changed",
      entityType: "member",
      entityId: userId,
      before: { role: target.role },
      after: { role: input.role },
    }),
    ...(ownerCheck ? [ownerCheck(tx)] : []),
  ]);
  return toMember({ ...target, role: input.role, updatedBy: actor.userId, updatedAt: new Date().toISOString() }, targetUser);
}
