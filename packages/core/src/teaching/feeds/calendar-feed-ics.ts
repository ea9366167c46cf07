import { logFailure } from "../../kernel/log/log-failure";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { AppError, notFound } from "../../kernel/errors";
import { may, type StudioMember } from "../../policy";
import { teachingDb } from "../teaching-db";
import { liveSubject, subjectRead } from "./feed-subject";
import { hashFeedToken, isFeedToken } from "./feed-token";
import type { CalendarFeedRecord } from "./feed-view";
import { lessonEvent, readFeedNames, renderCalendar } from "../../scheduling";
import { readFeedLessons } from "./feed-lessons";

const gone = () => notFound("Calendar feed");
/** lastFetchedAt is refreshed at most this often, so polling calendar apps cost one write an hour. */
const TOUCH_EVERY_MS = 3_600_000;

/**
 * The iCalendar text of a feed, by the secret token in its URL (no login). Unknown or revoked
 * tokens, an owner who is no longer an active member, or one no longer allowed this subject
 * (a parent who left the family), a deleted subject or studio: all 404 alike. Costs one index
 * query, one BatchGet, the calendar pages and one BatchGet of names per 100 people.
 */
export async function calendarFeedIcs(token: string, now = new Date()): Promise<string> {
  if (!isFeedToken(token)) throw gone();
  const { calendarFeed, membership, studio: studios } = teachingDb().entities;
  const tokenHash = hashFeedToken(token);
  const { data } = await calendarFeed.query.feedByToken({ tokenHash }).go({ limit: 1 });
  const feed = data[0] as CalendarFeedRecord | undefined;
  // Index keys are lower-cased; the stored hash is compared exactly.
  if (!feed || feed.tokenHash !== tokenHash || feed.revokedAt) throw gone();

  const { studioId } = feed;
  const [owner, studio, rawSubject] = await readTogether(
    itemOf(membership, { studioId, userId: feed.ownerUserId }),
    itemOf(studios, { studioId }),
    subjectRead(studioId, feed.subjectType, feed.subjectId),
  );
  if (!owner || owner.deletedAt || owner.deactivatedAt || !studio || studio.deletedAt) throw gone();
  const subject = hiddenAsGone(() => liveSubject(feed.subjectType, feed.subjectId, rawSubject));
  const member: StudioMember = {
    userId: owner.userId,
    role: owner.role,
    teacherId: owner.teacherId,
    studentId: owner.studentId,
    guardianId: owner.guardianId,
    familyId: owner.familyId,
  };
  if (!may(member, "calendar-feed.subscribe", subject)) throw gone();

  const lessons = await readFeedLessons(studioId, subject, now);
  const names = await readFeedNames(studioId, lessons);
  await touch(feed, now);
  return renderCalendar({
    name: feed.label ?? `${studio.name}: ${subject.name}`,
    timeZone: studio.timeZone,
    events: lessons.map((lesson) => lessonEvent(lesson, names)),
    now,
  });
}

function hiddenAsGone<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw gone();
    throw error;
  }
}

/** Records when the feed was last fetched (at most hourly); a failure only costs the stamp. */
async function touch(feed: CalendarFeedRecord, now: Date) {
  if (feed.lastFetchedAt && now.getTime() - Date.parse(feed.lastFetchedAt) < TOUCH_EVERY_MS) return;
  await teachingDb()
    .entities.calendarFeed.patch({ studioId: feed.studioId, feedId: feed.feedId })
    .set({ lastFetchedAt: now.toISOString() })
    .where((a, op) => op.notExists(a.revokedAt))
    .go()
    .catch((error) => logFailure("calendar feed lastFetchedAt", error));
}
