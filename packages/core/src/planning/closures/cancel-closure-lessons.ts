import { failsWith } from "../../kernel/db/commit-writes";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import {
  BookingRace,
  cancellationItemBound,
  cancellationWrites,
  commitWithBookings,
  lessonPeople,
  planBookings,
  planCancellation,
  readAttendees,
  slotOf,
  withBookingRetry,
  type LessonPeople,
  type PlannedCancellation,
  type SchedulingSettings,
} from "../../scheduling";
import { optedOutAmong } from "../../notifications";
import { outboxEmails } from "../../outbox";
import type { ClosureRecord, LessonRecord } from "../../scheduling/module";
import { planningDb } from "../planning-db";
import { addDays, zonedInstant } from "../../kernel/time/wall-clock";
import { closureNotices, noticeBound, type ClosureStudio } from "./closure-notices";

/** DynamoDB's limit on one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

export interface ClosureContext {
  closure: ClosureRecord;
  studio: ClosureStudio;
  settings: SchedulingSettings;
  actorId: string;
  now: Date;
}

const stillToCome = (lesson: LessonRecord | null, now: Date): lesson is LessonRecord =>
  Boolean(lesson && lesson.status === "scheduled" && new Date(lesson.scheduledStart).getTime() > now.getTime());

/**
 * The scheduled lessons starting in local dates [startDate, endDate] (studio time zone) and after
 * `now`: what a closure of those dates cancels (one paginated query of the studio calendar).
 */
export async function lessonsInClosure(studioId: string, dates: { startDate: string; endDate: string }, timeZone: string, now: Date): Promise<LessonRecord[]> {
  const from = zonedInstant(dates.startDate, "00:00", timeZone).toISOString();
  const to = zonedInstant(addDays(dates.endDate, 1), "00:00", timeZone).toISOString();
  const { data } = await planningDb()
    .entities.lesson.query.studioCalendar({ studioId })
    .between({ scheduledStart: from }, { scheduledStart: to })
    .where((a, op) => op.eq(a.status, "scheduled"))
    .go({ pages: "all" });
  return data.filter((lesson) => lesson.scheduledStart < to && stillToCome(lesson, now));
}

/** Groups lessons so that each group's cancellation, its emails and the closure's update fit one transaction. */
function chunks(lessons: LessonRecord[], people: LessonPeople): LessonRecord[][] {
  const out: LessonRecord[][] = [];
  let current: LessonRecord[] = [];
  let items = 1;
  for (const lesson of lessons) {
    const bound = cancellationItemBound(lesson) + noticeBound(people, lesson.studentIds);
    if (current.length > 0 && items + bound > MAX_TRANSACTION_ITEMS) {
      out.push(current);
      current = [];
      items = 1;
    }
    current.push(lesson);
    items += bound;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Cancels one group of lessons for the closure in one transaction: each lesson re-read by key
 * (skipped if it is no longer scheduled, e.g. cancelled by an earlier try), the policy applied
 * (by "studio"), the freed slots, the closure's `cancelledLessonIds` extended and the emails to
 * the students and families concerned (outbox). A concurrent change reruns the group.
 */
function cancelChunk(
  studioId: string,
  ids: string[],
  context: ClosureContext,
  people: LessonPeople,
  noInvites: ReadonlySet<string>,
): Promise<PlannedCancellation[]> {
  return withBookingRetry(async () => {
    const { lesson: lessons } = planningDb().entities;
    const fresh = (await readTogether(...ids.map((lessonId) => itemOf(lessons, { studioId, lessonId })))).filter((l) => stillToCome(l, context.now));
    if (fresh.length === 0) return [];
    const request = {
      by: "studio" as const,
      reason: `Studio closed: ${context.closure.reason}`,
      actorId: context.actorId,
      now: context.now,
      timeZone: context.studio.timeZone,
      settings: context.settings,
      closureId: context.closure.closureId,
    };
    const [planned, { plan }] = await Promise.all([
      Promise.all(fresh.map(async (lesson) => planCancellation({ lesson, attendees: await readAttendees(studioId, lesson.lessonId) }, request))),
      planBookings(studioId, { remove: fresh.map((lesson) => slotOf(lesson, 0)) }),
    ]);
    const notices = closureNotices(context.studio, context.closure, planned, people, noInvites);
    await commitWithBookings(
      planningDb,
      (tx) =>
        failsWith(
          [
            tx.closure
              .patch({ studioId, closureId: context.closure.closureId })
              .append({ cancelledLessonIds: planned.map((p) => p.next.lessonId) })
              .set({ updatedBy: context.actorId })
              .commit(),
            ...planned.flatMap((p) => cancellationWrites(tx, p, request)),
            ...outboxEmails(tx, notices),
          ],
          () => new BookingRace(),
        ),
      plan,
    );
    return planned;
  });
}

/**
 * Cancels every scheduled lesson still to come in a closure's dates, in transactions of at most
 * 100 items (so a long closure in a busy studio is many small commits). Safe to run again: lessons
 * already cancelled are skipped and the closure lists each lesson once.
 */
export async function cancelClosureLessons(studioId: string, context: ClosureContext): Promise<PlannedCancellation[]> {
  const lessons = await lessonsInClosure(studioId, context.closure, context.studio.timeZone, context.now);
  if (lessons.length === 0) return [];
  const people = await lessonPeople(
    studioId,
    lessons.flatMap((l) => l.studentIds),
    lessons.map((l) => l.teacherId),
  );
  const noInvites = await optedOutAmong(
    studioId,
    people.recipients.map((r) => r.email),
    "calendar-invites",
  );
  const cancelled: PlannedCancellation[] = [];
  for (const group of chunks(lessons, people))
    cancelled.push(
      ...(await cancelChunk(
        studioId,
        group.map((l) => l.lessonId),
        context,
        people,
        noInvites,
      )),
    );
  return cancelled;
}
