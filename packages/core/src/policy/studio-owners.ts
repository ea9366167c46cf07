import { db } from "../db";

/** The studio's active owners with their names and login addresses (one Query, one BatchGetItem): whom platform notices go to. */
export async function studioOwners(studioId: string) {
  const entities = db().entities;
  const { data } = await entities.membership.query.member({ studioId }).go({ pages: "all" });
  const ownerIds = data.filter((m) => m.role === "owner" && !m.deletedAt && !m.deactivatedAt).map((m) => ({ userId: m.userId }));
  if (ownerIds.length === 0) return [];
  const { data: users } = await entities.user.get(ownerIds).go();
  return users.map((user) => ({ userId: user.userId, name: user.name, email: user.email }));
}
