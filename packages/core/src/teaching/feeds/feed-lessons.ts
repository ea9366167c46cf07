import { lessonOfAttendee, type LessonRecord } from "../../scheduling";
import { teachingDb } from "../teaching-db";
import type { FeedSubjectType } from "./feed-subject";

/** A feed shows lessons starting from 30 days ago to 180 days ahead, at most 2,000 of them. */
export const FEED_WINDOW = { daysBack: 30, daysAhead: 180, maxEvents: 2000 };
const PAGE = 500;
const DAY = 86_400_000;

type PageOf<T> = Promise<{ data: T[]; cursor: string | null }>;

/**
 * The subject's lessons in the feed window, oldest first, from its calendar index: the teacher's
 * (lessons they teach), the student's, or the family's (its children's, each lesson once). Read
 * page by page up to the cap, so a busy calendar costs a bounded number of queries.
 */
export async function readFeedLessons(studioId: string, subject: { type: FeedSubjectType; id: string }, now: Date): Promise<LessonRecord[]> {
  const from = new Date(now.getTime() - FEED_WINDOW.daysBack * DAY).toISOString();
  const to = new Date(now.getTime() + FEED_WINDOW.daysAhead * DAY).toISOString();
  const range = [{ scheduledStart: from }, { scheduledStart: to }] as const;
  const { lesson, lessonAttendee } = teachingDb().entities;

  const pageOf = (cursor: string | null, limit: number): PageOf<LessonRecord> => {
    const go = { cursor, limit, pages: 1 as const };
    if (subject.type === "teacher") {
      return lesson.query
        .teacherCalendar({ studioId, teacherId: subject.id })
        .between(...range)
        .go(go);
    }
    const attendees =
      subject.type === "student"
        ? lessonAttendee.query
            .studentCalendar({ studioId, studentId: subject.id })
            .between(...range)
            .go(go)
        : lessonAttendee.query
            .familyCalendar({ studioId, familyId: subject.id })
            .between(...range)
            .go(go);
    return attendees.then(({ data, cursor: next }) => ({ data: data.map(lessonOfAttendee), cursor: next }));
  };

  // A family's calendar lists a lesson once per child in it: keep the first.
  const lessons = new Map<string, LessonRecord>();
  let cursor: string | null = null;
  do {
    const result: Awaited<PageOf<LessonRecord>> = await pageOf(cursor, PAGE);
    for (const record of result.data) if (!lessons.has(record.lessonId)) lessons.set(record.lessonId, record);
    cursor = result.cursor;
  } while (cursor && lessons.size < FEED_WINDOW.maxEvents);
  return [...lessons.values()].slice(0, FEED_WINDOW.maxEvents);
}
