import { recordAudit } from "../../audit";
import { failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { addDays, localParts } from "../../kernel/time/wall-clock";
import type { StudentRecord } from "../../people/module";
import { planBookings, type BookingPlan, type BookingSlot, type DayState, type LessonRecord } from "../../scheduling";

import type { ClassesTx } from "../classes-db";
import type { ClassEnrolmentRecord } from "../class-enrolment.entity";
import type { ClassSlotRecord } from "../class-slot.entity";
import type { CoursePlanRecord } from "../course.entity";
import type { WaitlistEntryRecord } from "../waitlist-entry.entity";
import { outboxEmails } from "../../outbox";
import type { StudentContact } from "../../people";
import type { StudioRecord } from "../../studios/module";
import { admittedEmails } from "../offers/offer-emails";
import { AdmissionRace, SlotFull } from "./admission-race";

/** What the student holds in their day schedules for one of the slot's lessons (the teacher and room hold it already). */
export const studentSlot = (lesson: Pick<LessonRecord, "lessonId" | "scheduledStart" | "scheduledEnd">, studentId: string): BookingSlot => ({
  lessonId: lesson.lessonId,
  start: lesson.scheduledStart,
  end: lesson.scheduledEnd,
  teacherId: "",
  studentIds: [studentId],
  roomKey: "none",
  teacherBufferMinutes: 0,
});

/** The lessons of the slot a new seat joins: still scheduled and not begun. */
export const remainingLessons = (lessons: readonly (LessonRecord | null)[], now: Date) =>
  lessons.filter((l): l is LessonRecord => Boolean(l) && l!.status === "scheduled" && Date.parse(l!.scheduledStart) > now.getTime());

export interface SeatPlan {
  slot: ClassSlotRecord;
  student: StudentRecord;
  plan: CoursePlanRecord;
  lessons: LessonRecord[];
  enrolment: ClassEnrolmentRecord;
  bookings: BookingPlan;
  /** Claiming an offer: the seat is held already, the entry goes. */
  claim?: WaitlistEntryRecord;
  actorId: string;
  now: Date;
  /** Who hears of the seat ("has a seat in", with the first class): the student's contacts. */
  notify: { studio: StudioRecord; contacts: StudentContact[] };
}

/**
 * Plans a seat: the enrolment (from today or the term's first day, for the plan's validity, at
 * most to the term's end; the plan's classes left) and the student's day schedules for every
 * remaining lesson, checked against the student's other bookings (a clash is a 409 naming the
 * lesson in the way). `known`: the days read with the lessons.
 */
export async function planSeat(input: Omit<SeatPlan, "enrolment" | "bookings">, timeZone: string, known: Map<string, DayState>): Promise<SeatPlan> {
  const { slot, student, plan, lessons, actorId, now } = input;
  const today = localParts(now, timeZone).date;
  const startDate = slot.termStart > today ? slot.termStart : today;
  const validTo = addDays(startDate, plan.validityDays - 1);
  const stamp = now.toISOString();
  const enrolment: ClassEnrolmentRecord = {
    studioId: slot.studioId,
    slotId: slot.slotId,
    studentId: student.studentId,
    studentName: `${student.firstName} ${student.lastName}`.trim(),
    courseId: slot.courseId,
    planId: plan.planId,
    feePlanId: plan.feePlanId,
    startDate,
    endDate: validTo < slot.termEnd ? validTo : slot.termEnd,
    classCount: plan.classCount,
    classesLeft: plan.classCount,
    noticesSent: [],
    lessonIds: lessons.map((l) => l.lessonId),
    admittedBy: actorId,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const { plan: bookings } = await planBookings(slot.studioId, { add: lessons.map((l) => studentSlot(l, student.studentId)) }, undefined, known);
  return { ...input, enrolment, bookings };
}

/**
 * One transaction takes a seat: the slot's `seatsTaken` goes up on condition it is below the
 * capacity (the capacity guard; a claimed offer's seat is held already, so its entry goes instead,
 * on condition the offer is still open), the enrolment is created on condition the student has no
 * seat in the slot yet, the billing enrolment on the plan's fee plan (the run bills the plan once
 * and counts its classes as covered), each remaining lesson gets the student (its `studentIds`,
 * on condition it is still scheduled and without them, and an attendee row: the student's calendar
 * and attendance) and the student's day schedules hold them, the family's email (outbox) and an
 * audit event.
 */
export function seatWrites(tx: ClassesTx, seat: SeatPlan) {
  const { slot, student, enrolment, lessons, claim, actorId, now, notify } = seat;
  const { studioId, slotId } = slot;
  const studentId = student.studentId;
  const stamp = now.toISOString();
  return [
    claim
      ? failsWith(
          tx.waitlistEntry
            .delete({ studioId, slotId, studentId })
            .where((a, op) => `${op.eq(a.state, "offered")} AND ${op.eq(a.offerId, claim.offerId!)}`)
            .commit(),
          () => conflict("class_offer.closed", "This offer was claimed, declined or has lapsed"),
        )
      : failsWith(
          tx.classSlot
            .patch({ studioId, slotId })
            .add({ seatsTaken: 1 })
            .where((a, op) => `${op.lt(a.seatsTaken, slot.capacity)} AND ${op.eq(a.capacity, slot.capacity)}`)
            .commit(),
          () => new SlotFull(),
        ),
    failsWith(tx.classEnrolment.create(enrolment).commit(), () =>
      conflict("class_enrolment.exists", `${student.firstName} already has a seat in this class`, "studentId"),
    ),
    tx.feePlanEnrolment
      .put({
        studioId,
        studentId,
        feePlanId: enrolment.feePlanId,
        startDate: enrolment.startDate,
        endDate: enrolment.endDate,
        createdBy: actorId,
        updatedBy: actorId,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .commit(),
    ...lessons.flatMap((lesson) => {
      const joined: LessonRecord = { ...lesson, studentIds: [...lesson.studentIds, studentId], updatedBy: actorId, updatedAt: stamp };
      return [
        failsWith(
          tx.lesson
            .patch({ studioId, lessonId: lesson.lessonId })
            .append({ studentIds: [studentId] })
            .set({ updatedBy: actorId, updatedAt: stamp })
            .where((a, op) => `${op.eq(a.status, "scheduled")} AND NOT ${op.contains(a.studentIds, studentId)}`)
            .commit(),
          () => new AdmissionRace(),
        ),
        tx.lessonAttendee
          .put({
            studioId,
            lessonId: lesson.lessonId,
            studentId,
            familyId: student.familyId ?? "none",
            teacherId: lesson.teacherId,
            scheduledStart: lesson.scheduledStart,
            scheduledEnd: lesson.scheduledEnd,
            lesson: joined,
          })
          .commit(),
      ];
    }),
    ...outboxEmails(tx, admittedEmails(notify.studio, seat, notify.contacts), now),
    recordAudit(tx, {
      studioId,
      actorId,
      action: claim ? "classEnrolment.claimed" : "classEnrolment.admitted",
      entityType: "classEnrolment",
      entityId: `${slotId}:${studentId}`,
      after: enrolment,
    }),
  ];
}
