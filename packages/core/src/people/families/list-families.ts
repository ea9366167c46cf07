import { db } from "../../db";
import { page, type Page } from "../../kernel/pagination/pagination";
import { assertMay, loadStudioMember, type Actor, type StudioMember } from "../../policy";
import { listingFor, withDeletedAt } from "../deleted-listing";
import { searchKeys } from "../person-fields";
import { toFamilySummary, type FamilySummary } from "./family-view";
import type { ListFamiliesQuery } from "./schemas";

/**
 * The studio's families by name (admins only): one Query of the name index, or of the email index
 * when `q` looks like an email. Deleted families are out of both indexes' listed partition;
 * `deleted` reads the deleted one instead.
 */
export async function listFamilies(actor: Actor, studioId: string, query: ListFamiliesQuery): Promise<Page<FamilySummary>> {
  const { member } = await loadStudioMember(actor, studioId);
  return familiesFor(member, studioId, query);
}

/** listFamilies for a member already read (an aggregate read's one membership read). */
export async function familiesFor(member: StudioMember, studioId: string, query: ListFamiliesQuery): Promise<Page<FamilySummary>> {
  assertMay(member, "family.manage");
  const { family } = db().entities;
  const listed = { studioId, listing: listingFor(member, query.deleted) };
  const result = await page(
    { studioId, list: "families" },
    (options) => {
      const go = { ...options, pages: 1 as const };
      if (query.q?.includes("@")) {
        return family.query.familiesByEmail(listed).begins({ emailKey: query.q.toLowerCase() }).go(go);
      }
      if (query.q)
        return family.query
          .familiesByName(listed)
          .begins({ nameKey: searchKeys(query.q).nameKey })
          .go(go);
      return family.query.familiesByName(listed).go(go);
    },
    query,
  );
  return { items: result.items.map((r) => withDeletedAt(toFamilySummary(r), r, listed.listing)), nextCursor: result.nextCursor };
}
