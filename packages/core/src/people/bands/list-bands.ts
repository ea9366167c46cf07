import { db } from "../../db";
import { page, type Page } from "../../kernel/pagination/pagination";
import { assertMay, loadStudioMember, type Actor, type StudioMember } from "../../policy";
import { listingFor, withDeletedAt } from "../deleted-listing";
import { searchKeys } from "../person-fields";
import { toBandSummary, type BandSummary } from "./band-view";
import type { ListBandsQuery } from "./schemas";

/** The studio's bands by name (admins only): one Query of the name index, `q` a name prefix; `deleted` the deleted ones. */
export async function listBands(actor: Actor, studioId: string, query: ListBandsQuery): Promise<Page<BandSummary>> {
  const { member } = await loadStudioMember(actor, studioId);
  return bandsFor(member, studioId, query);
}

/** listBands for a member already read (an aggregate read's one membership read). */
export async function bandsFor(member: StudioMember, studioId: string, query: ListBandsQuery): Promise<Page<BandSummary>> {
  assertMay(member, "band.manage");
  const listing = listingFor(member, query.deleted);
  const byName = db().entities.band.query.bandsByName({ studioId, listing });
  const result = await page(
    { studioId, list: "bands" },
    (options) => (query.q ? byName.begins({ nameKey: searchKeys(query.q).nameKey }) : byName).go({ ...options, pages: 1 }),
    query,
  );
  return { items: result.items.map((r) => withDeletedAt(toBandSummary(r), r, listing)), nextCursor: result.nextCursor };
}
