import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { may, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import { teachingDb } from "../teaching-db";
import { auditedFeed, type CalendarFeedRecord } from "./feed-view";

/**
 * Revokes a feed (its owner, or an admin): its URL answers 404 from now on. A feed someone else
 * made, or one already revoked, is not the caller's to see: 404.
 */
export async function revokeCalendarFeed(actor: Actor, studioId: string, feedId: string) {
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(teachingDb().entities.calendarFeed, { studioId, feedId }));
  const feed = records[0] as CalendarFeedRecord | null;
  if (!feed || feed.revokedAt || !may(member, "calendar-feed.revoke", feed)) throw hiddenRecord("Calendar feed");

  const revokedAt = new Date().toISOString();
  await commitWrites(teachingDb, (tx) => [
    failsWith(
      tx.calendarFeed
        .patch({ studioId, feedId })
        .set({ revokedAt })
        .where((a, op) => op.notExists(a.revokedAt))
        .commit(),
      () => hiddenRecord("Calendar feed"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "calendar_feed.revoked",
      entityType: "calendarFeed",
      entityId: feedId,
      before: auditedFeed(feed),
      after: { ...auditedFeed(feed), revokedAt },
    }),
  ]);
}
