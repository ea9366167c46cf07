import { itemOf, readTogether } from "../db/read-together";
import { db } from "../db/service";
import { notFound } from "../errors";
import type { Role } from "../accounts/membership.entity";
import type { StudioRecord } from "../studios/studio-view";
import type { Actor } from "./actor";

/** The actor as a member of one studio: their role and the profile records they are there. */
export interface StudioMember {
  userId: string;
  role: Role;
  teacherId?: string;
  studentId?: string;
  guardianId?: string;
  familyId?: string;
}

/**
 * Loads the studio and the actor's membership in one read. Not a member, a removed or deactivated
 * member, or no such studio: all 404, so nobody learns which studios exist.
 */
export async function loadStudioMember(actor: Actor, studioId: string): Promise<{ member: StudioMember; studio: StudioRecord }> {
  const { membership: memberships, studio: studios } = db().entities;
  const [membership, studio] = await readTogether(
    itemOf(memberships, { studioId, userId: actor.userId }),
    itemOf(studios, { studioId }),
  );
  if (!membership || membership.deletedAt || membership.deactivatedAt || !studio || studio.deletedAt) throw notFound("Studio");
  const { userId, role, teacherId, studentId, guardianId, familyId } = membership;
  return { member: { userId, role, teacherId, studentId, guardianId, familyId }, studio };
}

export const isStudioAdmin = (member: StudioMember) => member.role === "owner" || member.role === "admin";
