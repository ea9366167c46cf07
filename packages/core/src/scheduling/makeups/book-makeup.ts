import { failsWith } from "../../kernel/db/commit-writes";
import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { AppError, invalidField } from "../../kernel/errors";
import { may, hiddenRecord, signedIn, type Actor, type MemberAccess } from "../../policy";
import { roomKeyOf } from "../bookings/booking-slot";
import { commitWithBookings } from "../bookings/commit-booking";
import { planBookings } from "../bookings/plan-bookings";
import { BookingRace, withBookingRetry } from "../bookings/with-booking-retry";
import { assertStudioOpen } from "../lessons/closed-dates";
import { resolveParties } from "../lessons/lesson-parties";
import { toLesson, type Lesson, type LessonRecord } from "../lessons/lesson-view";
import { lessonWrites, slotOf } from "../lessons/lesson-writes";
import { scheduleDb, type ScheduleTx } from "../schedule-db";
import { outboxEmails } from "../../outbox";
import { lessonBookedNotices } from "../lesson-notices/booked-notices";
import { schedulingSettingsRead, withDefaults } from "../settings/read-settings";
import { effectiveStatus, type MakeupCreditRecord } from "./credit-view";
import { localParts } from "../../kernel/time/wall-clock";
import type { BookMakeupInput } from "./schemas";
import { assertSelfServiceChoices, checkSelfServiceSlot, isSelfService, notFreeSlot } from "./self-service";

/** 409 unless the credit can still be spent today. */
function assertSpendable(credit: MakeupCreditRecord, today: string): void {
  const status = effectiveStatus(credit, today);
  if (status === "used") throw new AppError("makeup.credit_used", `This make-up credit was already used for lesson ${credit.usedLessonId}`);
  if (status === "expired") throw new AppError("makeup.credit_expired", `This make-up credit expired after ${credit.expiresOn}`);
  if (status === "revoked") throw new AppError("makeup.credit_revoked", "This make-up credit was revoked");
}

/**
 * Spends a make-up credit on a private make-up lesson for the credit's student (admins, the
 * student's teacher, the student, their parents). The same checks as booking any lesson: the
 * teacher (with their buffer), the student and the room must be free and the studio open. A
 * student or parent spending it themselves books with the credit's teacher, for at most the
 * credit's length, into one of the teacher's free slots (inside their working hours), and leaves
 * room, place and online link to the staff (see self-service.ts); staff choose freely. The
 * lesson, its slots and the credit marked used — on condition it is still available and not
 * expired — commit in one transaction, so of two spends of one credit exactly one wins (the
 * other reruns and answers 409). A taken slot answers 409 and leaves the credit available.
 */
export const bookMakeup = (actor: Actor, studioId: string, creditId: string, input: BookMakeupInput) =>
  bookMakeupWith(signedIn(actor), studioId, creditId, input);

/** The same for any way of acting (policy/member-access.ts); `extraWrites` join the transaction. */
export function bookMakeupWith(
  access: MemberAccess,
  studioId: string,
  creditId: string,
  input: BookMakeupInput,
  extraWrites: (tx: ScheduleTx) => unknown[] = () => [],
): Promise<Lesson> {
  return withBookingRetry(async () => {
    const { makeupCredit, student: students } = scheduleDb().entities;
    const { member, studio, records } = await access(studioId, itemOf(makeupCredit, { studioId, creditId }), schedulingSettingsRead(studioId));
    const [credit, stored] = records;
    if (!credit) throw hiddenRecord("Make-up credit");
    const [student] = await readTogether(itemOf(students, { studioId, studentId: credit.studentId }));
    if (!student || !may(member, "student.view", student)) throw hiddenRecord("Make-up credit");

    const now = new Date();
    const today = localParts(now, studio.timeZone).date;
    assertSpendable(credit, today);
    if (Date.parse(input.scheduledStart) <= now.getTime()) throw invalidField("scheduledStart", "must be in the future");

    const selfService = isSelfService(member);
    if (selfService) assertSelfServiceChoices(credit, input);

    const parties = await resolveParties(studioId, member, { teacherId: input.teacherId ?? credit.teacherId, studentId: credit.studentId });
    const minutes = input.durationMinutes ?? credit.durationMinutes;
    const end = new Date(Date.parse(input.scheduledStart) + minutes * 60_000).toISOString();
    await assertStudioOpen(studioId, input.scheduledStart, end, studio.timeZone);
    const fit = selfService
      ? await checkSelfServiceSlot(studioId, studio, {
          teacherId: parties.teacher.teacherId,
          studentId: credit.studentId,
          scheduledStart: input.scheduledStart,
          durationMinutes: minutes,
        })
      : "free";

    const lesson: LessonRecord = {
      studioId,
      lessonId: uuidv7(),
      teacherId: parties.teacher.teacherId,
      studentId: credit.studentId,
      studentIds: parties.studentIds,
      type: "private",
      status: "scheduled",
      scheduledStart: input.scheduledStart,
      scheduledEnd: end,
      title: input.title ?? "Make-up lesson",
      ...(input.location ? { location: input.location } : {}),
      ...(input.roomName ? { roomName: input.roomName } : {}),
      roomKey: roomKeyOf(input.roomName),
      ...(input.onlineUrl ? { onlineUrl: input.onlineUrl } : {}),
      editedByHand: false,
      makeupCreditId: credit.creditId,
      createdBy: member.userId,
      updatedBy: member.userId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const used = { status: "used" as const, usedLessonId: lesson.lessonId, usedAt: now.toISOString(), updatedBy: member.userId };
    const [{ plan }, notices] = await Promise.all([
      planBookings(studioId, { add: [slotOf(lesson, parties.teacher.bookingBufferMinutes)] }),
      lessonBookedNotices(studio, lesson, undefined, parties.known),
    ]);
    // The booking engine names the lesson in the way; a slot the search does not offer is refused all the same.
    if (fit === "taken") throw notFreeSlot();
    await commitWithBookings(
      scheduleDb,
      // The credit was spent or expired meanwhile: rerun, and the rerun says which.
      (tx) =>
        failsWith(
          [
            ...lessonWrites(tx, lesson, { familyOf: parties.familyOf, settings: withDefaults(stored), now }),
            tx.makeupCredit
              .patch({ studioId, creditId })
              .set(used)
              .where((a, op) => `${op.eq(a.status, "available")} AND ${op.gte(a.expiresOn, today)}`)
              .commit(),
            recordAudit(tx, { studioId, actorId: member.userId, action: "lesson.created", entityType: "lesson", entityId: lesson.lessonId, after: lesson }),
            recordAudit(tx, {
              studioId,
              actorId: member.userId,
              action: "makeupCredit.used",
              entityType: "makeupCredit",
              entityId: creditId,
              before: credit,
              after: { ...credit, ...used },
            }),
            ...outboxEmails(tx, notices),
            ...extraWrites(tx),
          ],
          () => new BookingRace(),
        ),
      plan,
    );
    return toLesson(lesson, studio.timeZone);
  });
}
