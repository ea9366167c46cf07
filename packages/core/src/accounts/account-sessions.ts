import { itemOf } from "../kernel/db/read-together";
import { notFound } from "../kernel/errors";
import { db } from "../db";
import { assertSessionOpen, readAsActor, type Actor } from "../policy";
import { openFamilies, revokeFamily } from "./session-tokens";

/**
 * The signed-in person's open sign-ins, newest use first, the current one marked. One Query: the
 * actor's own sign-in is among the results, so its check needs no read of its own.
 */
export async function listSessions(actor: Actor, now = Date.now()) {
  const open = await openFamilies(actor.userId, now);
  assertSessionOpen(actor, open.find((family) => family.familyId === actor.sessionId) ?? null, now);
  const sessions = open.map((family) => ({
    id: family.familyId,
    userAgent: family.userAgent ?? null,
    signedInAt: family.createdAt,
    lastUsedAt: family.lastUsedAt ?? family.createdAt,
    current: family.familyId === actor.sessionId,
  }));
  return { sessions: sessions.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt)) };
}

/**
 * Signs one of the person's own sign-ins out: its refresh tokens stop at once, and its access
 * tokens on their next request (every request reads the sign-in). Another person's or an ended
 * sign-in is "not found".
 */
export async function endSession(actor: Actor, sessionId: string, now = Date.now()) {
  const [family] = await readAsActor(actor, itemOf(db().entities.sessionFamily, { userId: actor.userId, familyId: sessionId }));
  if (!family || family.revokedAt || (family.expiresAt ?? 0) * 1000 <= now) throw notFound("Sign-in");
  await revokeFamily(actor.userId, sessionId, sessionId === actor.sessionId ? "logout" : "signed_out_elsewhere");
}
