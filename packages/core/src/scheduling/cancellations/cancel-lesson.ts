import { failsWith } from "../../kernel/db/commit-writes";
import { AppError, invalidField, notFound } from "../../kernel/errors";
import { itemOf } from "../../kernel/db/read-together";
import { outboxEmails } from "../../outbox";
import { may, assertMay, signedIn, type Actor, type MemberAccess, type StudioMember } from "../../policy";
import { commitWithBookings } from "../bookings/commit-booking";
import { planBookings } from "../bookings/plan-bookings";
import { BookingRace, withBookingRetry } from "../bookings/with-booking-retry";
import { familyStudentIdsOf, readAttendees } from "../lessons/lesson-access";
import { toLesson, type Lesson, type LessonRecord } from "../lessons/lesson-view";
import { slotOf } from "../lessons/lesson-writes";
import { scheduleDb, type ScheduleTx } from "../schedule-db";
import { schedulingSettingsRead, withDefaults } from "../settings/read-settings";
import type { CancelledBy } from "./cancellation-outcome";
import { freedSlotOffer } from "../slot-offers/freed-slot";
import { cancellationNotices } from "./cancellation-notices";
import { cancellationWrites, planCancellation } from "./plan-cancellation";
import type { CancelLessonInput } from "./schemas";

/**
 * Whose cancellation it is. Admins and the lesson's teachers (the one teaching it and the one it was
 * booked with) cancel for the studio unless they say the family called in; the lesson's students and
 * their parents always cancel as the student, and only a private lesson (a group lesson goes ahead
 * for the others: mark the student excused). Anyone else may not.
 */
export function cancellingAs(member: StudioMember, lesson: LessonRecord, requested: CancelledBy | undefined): CancelledBy {
  const group = lesson.studentIds.length > 1;
  if (may(member, "lesson.teach", lesson)) {
    if (requested === "student" && group) throw invalidField("by", "a group lesson is cancelled by the studio; mark an absent student excused instead");
    return requested ?? "studio";
  }
  assertMay(member, "lesson.cancel", lesson);
  if (requested === "studio")
    throw new AppError(
      "cancellation.studio_staff_only",
      "Students and parents cancel as the student; only admins and the lesson's teacher cancel for the studio",
    );
  if (group) throw new AppError("cancellation.group_lesson", "A group lesson goes ahead for the others; ask the teacher to mark the student excused");
  return "student";
}

/** 409 unless the lesson is still to come: scheduled, and not started yet. */
export function assertCancellable(lesson: LessonRecord, now: Date): void {
  if (lesson.status !== "scheduled")
    throw new AppError("lesson.not_scheduled", `The lesson is ${lesson.status.replace("_", " ")}; only a scheduled lesson can be cancelled`);
  if (new Date(lesson.scheduledStart).getTime() <= now.getTime()) {
    throw new AppError("lesson.already_started", "The lesson has already started; record its attendance or mark it a no-show instead");
  }
}

/**
 * Cancels one lesson and applies the studio's cancellation policy (see decideCancellation): the
 * lesson with its `cancellation` outcome, its attendees, its reminder removed, its day-schedule
 * slots freed, any make-up credits, the audit event, the emails to the students and their
 * families (outbox) and the freed slot's offer (slot-offers/freed-slot.ts) commit in one transaction. A concurrent change of the lesson or a race for a
 * student's last credit of the term reruns the whole use case, which then sees the other write.
 */
export const cancelLesson = (actor: Actor, studioId: string, lessonId: string, input: CancelLessonInput) =>
  cancelLessonWith(signedIn(actor), studioId, lessonId, input);

/**
 * The same for any way of acting (policy/member-access.ts); `extraWrites` join the transaction
 * after the cancellation's own (a signed link's use, for one).
 */
export async function cancelLessonWith(
  access: MemberAccess,
  studioId: string,
  lessonId: string,
  input: CancelLessonInput,
  extraWrites: (tx: ScheduleTx) => unknown[] = () => [],
): Promise<Lesson> {
  const { studio, planned } = await withBookingRetry(async () => {
    const { member, studio, records } = await access(studioId, itemOf(scheduleDb().entities.lesson, { studioId, lessonId }), schedulingSettingsRead(studioId));
    const [lesson, stored] = records;
    if (!lesson) throw notFound("Lesson");
    assertMay(member, "lesson.view", { ...lesson, familyStudentIds: await familyStudentIdsOf(studioId, member) });
    const by = cancellingAs(member, lesson, input.by);
    const now = new Date();
    assertCancellable(lesson, now);

    const request = { by, reason: input.reason, actorId: member.userId, now, timeZone: studio.timeZone, settings: withDefaults(stored) };
    const [attendees, { plan }] = await Promise.all([readAttendees(studioId, lessonId), planBookings(studioId, { remove: [slotOf(lesson, 0)] })]);
    const planned = await planCancellation({ lesson, attendees }, request);
    const notices = await cancellationNotices(studio, planned);
    await commitWithBookings(
      scheduleDb,
      (tx) =>
        failsWith(
          [
            ...cancellationWrites(tx, planned, request),
            ...outboxEmails(tx, notices),
            ...freedSlotOffer(tx, lesson, by, request.settings, now),
            ...extraWrites(tx),
          ],
          () => new BookingRace(),
        ),
      plan,
    );
    return { studio, planned };
  });
  return toLesson(planned.next, studio.timeZone);
}
