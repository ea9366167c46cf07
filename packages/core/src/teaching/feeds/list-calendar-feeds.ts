import { page, type Page } from "../../kernel/pagination/pagination";
import { isStudioAdmin, loadStudioMember, type Actor } from "../../policy";
import { teachingDb } from "../teaching-db";
import { toCalendarFeed, type CalendarFeed } from "./feed-view";
import type { ListCalendarFeedsQuery } from "./schemas";

/**
 * The caller's own live feeds (oldest first), or for admins every live feed of the studio. One
 * query either way; revoked feeds are filtered out, so a page may hold fewer than `limit`.
 */
export async function listCalendarFeeds(actor: Actor, studioId: string, query: ListCalendarFeedsQuery): Promise<Page<CalendarFeed>> {
  const { member } = await loadStudioMember(actor, studioId);
  const { calendarFeed } = teachingDb().entities;
  const owner = isStudioAdmin(member) ? "studio" : actor.userId;
  const records = await page(
    { studioId, list: "calendar-feeds", params: { owner } },
    (options) => {
      const go = { ...options, pages: 1 as const };
      const live = (a: { revokedAt: never }, op: { notExists: (attr: never) => string }) => op.notExists(a.revokedAt);
      return isStudioAdmin(member)
        ? calendarFeed.query
            .feed({ studioId })
            .where(live as never)
            .go(go)
        : calendarFeed.query
            .feedsByOwner({ studioId, ownerUserId: actor.userId })
            .where(live as never)
            .go(go);
    },
    query,
  );
  return { items: records.items.map(toCalendarFeed), nextCursor: records.nextCursor };
}
