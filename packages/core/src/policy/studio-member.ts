import type { PausedReason } from "./paused-studio";
import { itemOf, type ItemRead, type ReadResults } from "../kernel/db/read-together";
import { db } from "../db";
import { notFound } from "../kernel/errors";
import type { Role } from "../accounts/module";
import type { StudioRecord } from "../studios/module";
import type { Actor } from "./actor";
import { readAsActor } from "./session-check";

/** The actor as a member of one studio: their role and the profile records they are there. */
export interface StudioMember {
  userId: string;
  role: Role;
  teacherId?: string;
  studentId?: string;
  guardianId?: string;
  familyId?: string;
  /** Set while the studio is paused (policy/paused-studio.ts): its members may only read and pay. */
  paused?: PausedReason;
}

/**
 * Loads the studio, the actor's membership and any records a use case needs in one BatchGetItem,
 * which also checks that the actor's sign-in is still open (401 otherwise, policy/session-check.ts).
 * Not a member, a removed or deactivated member, or no such studio: all 404, so nobody learns
 * which studios exist. A studio's API key is an admin there (and nowhere else).
 */
export async function loadMemberWith<const T extends readonly ItemRead<unknown>[]>(
  actor: Actor,
  studioId: string,
  ...reads: T
): Promise<{ member: StudioMember; studio: StudioRecord; records: ReadResults<T> }> {
  const { membership: memberships, studio: studios } = db().entities;
  const [membership, studio, ...records] = await readAsActor(
    actor,
    itemOf(memberships, { studioId, userId: actor.userId }),
    itemOf(studios, { studioId }),
    ...reads,
  );
  if (!studio || studio.deletedAt) throw notFound("Studio");
  // An API key acts as an admin of its own studio (its scopes were checked with it: api-key-check.ts).
  const paused = studio.pausedReason ? { paused: studio.pausedReason } : {};
  if (actor.apiKey?.studioId === studioId) return { member: { userId: actor.userId, role: "admin", ...paused }, studio, records: records as ReadResults<T> };
  if (!membership || membership.deletedAt || membership.deactivatedAt) throw notFound("Studio");
  const { userId, role, teacherId, studentId, guardianId, familyId } = membership;
  return { member: { userId, role, teacherId, studentId, guardianId, familyId, ...paused }, studio, records: records as ReadResults<T> };
}

/** The studio and the actor's membership in it (see loadMemberWith). */
export async function loadStudioMember(actor: Actor, studioId: string): Promise<{ member: StudioMember; studio: StudioRecord }> {
  const { member, studio } = await loadMemberWith(actor, studioId);
  return { member, studio };
}

export const isStudioAdmin = (member: StudioMember) => member.role === "owner" || member.role === "admin";

/** Staff: owners, admins and teachers. */
export const isStaff = (member: StudioMember) => isStudioAdmin(member) || member.role === "teacher";
