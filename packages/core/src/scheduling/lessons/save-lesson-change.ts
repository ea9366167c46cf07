import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { conflict, invalidField } from "../../kernel/errors";
import type { Actor } from "../../policy";
import { failsWith } from "../../kernel/db/commit-writes";
import { commitWithBookings } from "../bookings/commit-booking";
import { type BookingPlan, planBookings } from "../bookings/plan-bookings";
import { scheduleDb, type ScheduleTx } from "../schedule-db";
import { assertStudioOpen } from "./closed-dates";
import { type LoadedLesson, readAttendees } from "./lesson-access";
import type { LessonRecord } from "./lesson-view";
import { holdsSlot, LESSON_CHANGED, lessonWrites, slotOf } from "./lesson-writes";
import { outboxEmails } from "../../outbox";
import { lessonBookedNotices } from "../lesson-notices/booked-notices";

export interface LessonChange {
  /** The audit action for the lesson ("lesson.updated", "lesson.rescheduled", …). */
  action: string;
  now: Date;
  /** More writes for the same transaction (e.g. the reschedule request being approved), each with its own meaning (failsWith). */
  extra?: (tx: ScheduleTx) => unknown[];
  /** false when the caller tells the family itself (an approved reschedule request's answer). */
  notifyFamily?: boolean;
}

/** The teacher who will teach the lesson: a listed, active teacher of the studio, and their booking buffer. */
async function teacherOf(studioId: string, teacherId: string, changed: boolean): Promise<number> {
  const [teacher] = await readTogether(itemOf(scheduleDb().entities.teacher, { studioId, teacherId }));
  const usable = teacher && !teacher.deletedAt && teacher.listing !== "deleted" && teacher.isActive !== false;
  if (!usable) {
    if (changed) throw invalidField("substituteTeacherId", "must be an active teacher of this studio");
    throw conflict(
      "lesson.teacher_inactive",
      "The lesson's teacher is no longer an active teacher of this studio; give it a substitute first",
      "substituteTeacherId",
    );
  }
  return teacher.bookingBufferMinutes ?? 0;
}

/**
 * Stores a changed lesson: when its time, teacher or room changed, re-checks the studio is open
 * and re-books it (its old place freed, the new one checked against every other booking of the
 * teacher with their buffer, the students and the room: a 409 names the lesson in the way); then
 * the lesson, its attendees, its reminder, the day schedules, the audit event and `extra` commit
 * in one transaction, on condition that nobody changed the lesson since it was read (409).
 * Run inside withBookingRetry.
 */
export async function saveLessonChange(actor: Actor, loaded: LoadedLesson, next: LessonRecord, change: LessonChange): Promise<LessonRecord> {
  const { lesson: previous, studio, settings } = loaded;
  const studioId = previous.studioId;
  const moved = previous.scheduledStart !== next.scheduledStart || previous.scheduledEnd !== next.scheduledEnd;
  const teacherChanged = previous.teacherId !== next.teacherId;
  const rebook = holdsSlot(next.status) && (moved || teacherChanged || previous.roomKey !== next.roomKey);

  const [attendees, plan] = await Promise.all([
    readAttendees(studioId, previous.lessonId),
    rebook
      ? (async (): Promise<BookingPlan> => {
          const buffer = await teacherOf(studioId, next.teacherId, teacherChanged);
          if (moved) await assertStudioOpen(studioId, next.scheduledStart, next.scheduledEnd, studio.timeZone);
          return (await planBookings(studioId, { remove: [slotOf(previous, 0)], add: [slotOf(next, buffer)] })).plan;
        })()
      : undefined,
  ]);

  const stored: LessonRecord = { ...next, updatedBy: actor.userId, ...(moved ? { revision: (previous.revision ?? 0) + 1 } : {}) };
  const saved = { ...stored, updatedAt: change.now.toISOString() };
  // A lesson still to come that moved: the family gets the new time, its invitation and links.
  const notices = moved && next.status === "scheduled" && change.notifyFamily !== false ? await lessonBookedNotices(studio, saved, previous) : [];
  await commitWithBookings(
    scheduleDb,
    (tx) => {
      const [lessonWrite, ...writes] = lessonWrites(tx, stored, {
        previous: { lesson: previous, attendees },
        familyOf: () => undefined,
        settings,
        now: change.now,
      });
      return [
        failsWith(lessonWrite, () => conflict("lesson.changed", LESSON_CHANGED)),
        ...writes,
        recordAudit(tx, {
          studioId,
          actorId: actor.userId,
          action: change.action,
          entityType: "lesson",
          entityId: previous.lessonId,
          before: previous,
          after: stored,
        }),
        ...(change.extra?.(tx) ?? []),
        ...outboxEmails(tx, notices),
      ];
    },
    plan,
  );
  return saved;
}
