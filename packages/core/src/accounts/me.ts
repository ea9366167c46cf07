import { itemOf } from "../kernel/db/read-together";
import { db } from "../db";
import { notFound } from "../kernel/errors";
import { readAsActor, type Actor } from "../policy";
import type { StudioRecord } from "../studios/module";
import { accountView } from "./account-profile";

/** What the workspace's header needs of each studio: its name, zone, currency and brand. */
function membershipStudio(s: StudioRecord) {
  return {
    id: s.studioId,
    name: s.name,
    slug: s.slug,
    timeZone: s.timeZone,
    currency: s.currency,
    country: s.country ?? null,
    themeColor: s.themeColor ?? null,
    pausedReason: s.pausedReason ?? null,
  };
}

/** The records the member is in the studio: a teacher's own calendar, a parent's family. */
function personLinks(m: { teacherId?: string; studentId?: string; familyId?: string }) {
  return { teacherId: m.teacherId ?? null, studentId: m.studentId ?? null, familyId: m.familyId ?? null };
}

/** The signed-in user and every studio they belong to, with their role there (the user read checks the sign-in). */
export async function getMe(actor: Actor) {
  const [[user], { data: memberships }] = await Promise.all([
    readAsActor(actor, itemOf(db().entities.user, { userId: actor.userId })),
    db().entities.membership.query.membershipsByUser({ userId: actor.userId }).go({ pages: "all" }),
  ]);
  if (!user) throw notFound("User");
  const active = memberships.filter((m) => !m.deletedAt);
  const { data: studios } = active.length
    ? await db()
        .entities.studio.get(active.map((m) => ({ studioId: m.studioId })))
        .go()
    : { data: [] };
  const byId = new Map(studios.filter((s) => !s.deletedAt).map((s) => [s.studioId, s]));
  return {
    user: accountView(user),
    memberships: active.flatMap((m) => {
      const studio = byId.get(m.studioId);
      return studio ? [{ role: m.role, studio: membershipStudio(studio), ...personLinks(m) }] : [];
    }),
  };
}
