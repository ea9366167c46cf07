import { page, type Page } from "../../kernel/pagination/pagination";
import { loadStudioMember, type Actor } from "../../policy";
import { planningDb } from "../planning-db";
import { localParts } from "../../kernel/time/wall-clock";
import { toClosure, type Closure } from "../../scheduling";
import type { ListClosuresQuery } from "./schemas";

/**
 * The studio's closures ending on or after `from` (today by default, studio time zone), by end
 * date (every member: they decide when lessons happen). One query of `closuresByDate`; deleted
 * closures are filtered out.
 */
export async function listClosures(actor: Actor, studioId: string, query: ListClosuresQuery): Promise<Page<Closure>> {
  const { studio } = await loadStudioMember(actor, studioId);
  const from = query.from ?? localParts(new Date(), studio.timeZone).date;
  const result = await page(
    { studioId, list: "closures", params: { from } },
    (options) =>
      planningDb()
        .entities.closure.query.closuresByDate({ studioId })
        .gte({ endDate: from })
        .where((a, op) => op.notExists(a.deletedAt))
        .go({ ...options, pages: 1 }),
    query,
  );
  return { items: result.items.map(toClosure), nextCursor: result.nextCursor };
}
