import { db } from "../../db";
import { page } from "../../kernel/pagination/pagination";
import { may, loadStudioMember, type Actor } from "../../policy";
import { listingFor, withDeletedAt } from "../deleted-listing";
import { searchKeys } from "../person-fields";
import type { ListTeachersQuery } from "./schemas";
import { toTeacher } from "./teacher-view";

/**
 * The studio's teacher directory, ordered by name: one query on the name index (or the email
 * index for `q` with "@"), so a page costs the same in a small and a large studio. `active` is a
 * filter, so a filtered page may hold fewer than `limit` items; follow `nextCursor`. `deleted`
 * (admins only) lists the deleted teachers instead.
 */
export async function listTeachers(actor: Actor, studioId: string, query: ListTeachersQuery) {
  const { member } = await loadStudioMember(actor, studioId);
  const { teacher } = db().entities;
  const key = { studioId, listing: listingFor(member, query.deleted) };
  const active = query.active;
  const q = query.q;

  const result = await page(
    { studioId, list: "teachers" },
    (options) => {
      const go = { ...options, pages: 1 as const };
      if (q?.includes("@")) {
        return teacher.query
          .teachersByEmail(key)
          .begins({ emailKey: q.toLowerCase() })
          .where((a, op) => (active === undefined ? "" : op.eq(a.isActive, active)))
          .go(go);
      }
      const byName = q ? teacher.query.teachersByName(key).begins({ nameKey: searchKeys(q).nameKey }) : teacher.query.teachersByName(key);
      return byName.where((a, op) => (active === undefined ? "" : op.eq(a.isActive, active))).go(go);
    },
    query,
  );

  return {
    items: result.items.map((t) => withDeletedAt(toTeacher(t, { showPay: may(member, "teacher.edit", t) }), t, key.listing)),
    nextCursor: result.nextCursor,
  };
}
