import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { loadMemberWith, type Actor } from "../../policy";
import { teachingDb } from "../teaching-db";
import { assertMayFeed, liveSubject, subjectRead } from "./feed-subject";
import { feedUrl, newFeedToken } from "./feed-token";
import { auditedFeed, toCalendarFeed, type CalendarFeedRecord } from "./feed-view";
import type { CreateCalendarFeedInput } from "./schemas";

/**
 * Creates a secret iCal feed of a teacher's, a student's or a family's lessons for the caller
 * (see the catalogue's "calendar-feed.subscribe" for who may). The URL carries a random token and is returned only here;
 * the feed stores the token's SHA-256.
 */
export async function createCalendarFeed(actor: Actor, studioId: string, input: CreateCalendarFeedInput, options: { apiBaseUrl: string }) {
  const { member, records } = await loadMemberWith(actor, studioId, subjectRead(studioId, input.subjectType, input.subjectId));
  const subject = liveSubject(input.subjectType, input.subjectId, records[0]);
  await assertMayFeed(member, studioId, subject);

  const { token, tokenHash } = newFeedToken();
  const now = new Date().toISOString();
  const record: CalendarFeedRecord = {
    studioId,
    feedId: uuidv7(),
    tokenHash,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    ownerUserId: actor.userId,
    ...(input.label ? { label: input.label } : {}),
    createdAt: now,
    updatedAt: now,
  };
  await commitWrites(teachingDb, (tx) => [
    tx.calendarFeed.create(record).commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "calendar_feed.created",
      entityType: "calendarFeed",
      entityId: record.feedId,
      after: auditedFeed(record),
    }),
  ]);
  return { ...toCalendarFeed(record), url: feedUrl(options.apiBaseUrl, token) };
}
