import { liveLogin } from "../accounts";
import { itemOf, readTogether, type ItemRead } from "../kernel/db/read-together";
import { db } from "../db";
import { conflict } from "../kernel/errors";
import { assertProfileFound, profileRead } from "./profile-link";
import type { InvitationTarget } from "./new-invitation";

/** What to read before inviting: the email's login and the linked profile (to batch with other reads). */
export function inviteeReads(studioId: string, target: InvitationTarget): [ItemRead<{ userId: string }>, ...ItemRead<unknown>[]] {
  const profile = profileRead(studioId, target);
  return [itemOf(db().entities.credential, { email: target.email }), ...(profile ? [profile] : [])];
}

/**
 * The linked profile must exist in the studio (422) and the email must not already belong to an
 * active member (409): reads the membership only when the email has a login.
 */
export async function assertInvitable(studioId: string, target: InvitationTarget, [credential, profile]: readonly unknown[]) {
  assertProfileFound(target, (profile ?? null) as Parameters<typeof assertProfileFound>[1]);
  const login = liveLogin(credential as { userId: string; emailVerifiedAt?: string; expiresAt?: number } | null);
  if (!login) return;
  const { data: membership } = await db().entities.membership.get({ studioId, userId: login.userId }).go();
  if (membership && !membership.deletedAt) throw conflict("invitation.already_member", "This person is already a member of the studio.", "email");
}

/** The same checks with their own batch read. */
export async function checkInvitee(studioId: string, target: InvitationTarget): Promise<void> {
  await assertInvitable(studioId, target, await readTogether(...inviteeReads(studioId, target)));
}
