import { db } from "../db";
import { page } from "../kernel/pagination/pagination";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import { toMember } from "./member-view";
import type { ListMembersQuery } from "./schemas";

/**
 * The studio's members with their names and emails (admins): the membership page and its users
 * in one batch read, so three DynamoDB calls whatever the page size. Removed members are left out.
 */
export async function listMembers(actor: Actor, studioId: string, query: ListMembersQuery) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "member.manage");
  const { membership, user } = db().entities;
  const result = await page(
    { studioId, list: "members" },
    (options) =>
      membership.query
        .member({ studioId })
        .where((a, op) => op.notExists(a.deletedAt))
        .go({ ...options, pages: 1 }),
    query,
  );
  const { data: users } = result.items.length ? await user.get(result.items.map((m) => ({ userId: m.userId }))).go() : { data: [] };
  const byId = new Map(users.map((u) => [u.userId, u]));
  return { items: result.items.map((m) => toMember(m, byId.get(m.userId))), nextCursor: result.nextCursor };
}
