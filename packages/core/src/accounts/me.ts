import { itemOf } from "../db/read-together";
import { db } from "../db/service";
import { notFound } from "../errors";
import { readAsActor, type Actor } from "../policy";

/** The signed-in user and every studio they belong to, with their role there (the user read checks the sign-in). */
export async function getMe(actor: Actor) {
  const [[user], { data: memberships }] = await Promise.all([
    readAsActor(actor, itemOf(db().entities.user, { userId: actor.userId })),
    db().entities.membership.query.membershipsByUser({ userId: actor.userId }).go({ pages: "all" }),
  ]);
  if (!user) throw notFound("User");
  const active = memberships.filter((m) => !m.deletedAt);
  const { data: studios } = active.length
    ? await db().entities.studio.get(active.map((m) => ({ studioId: m.studioId }))).go()
    : { data: [] };
  const byId = new Map(studios.filter((s) => !s.deletedAt).map((s) => [s.studioId, s]));
  return {
    user: { id: user.userId, email: user.email, name: user.name, emailVerified: Boolean(user.emailVerifiedAt) },
    memberships: active.flatMap((m) => {
      const studio = byId.get(m.studioId);
      return studio ? [{ role: m.role, studio: { id: studio.studioId, name: studio.name, slug: studio.slug } }] : [];
    }),
  };
}
