import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { localParts } from "../../kernel/time/wall-clock";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import { planBookings, type LessonRecord } from "../../scheduling";
import { classesDb } from "../classes-db";
import type { ClassEnrolmentRecord } from "../class-enrolment.entity";
import type { ClassSlotRecord } from "../class-slot.entity";
import { handOverSeat } from "../offers/pass-seat";
import { AdmissionRace, withAdmissionRetry } from "./admission-race";
import { studentSlot } from "./seat-writes";

export interface Withdrawal {
  slotId: string;
  studentId: string;
  /** The lessons ahead the student was taken out of. */
  lessonsLeft: number;
  /** The student first in line, now offered the seat (with their claim-by), if anyone was waiting. */
  offeredTo: { studentId: string; claimBy: string } | null;
}

/**
 * Takes a student out of a class slot (admins), in one transaction: the seat (enrolment) goes,
 * the billing enrolment ends today (or goes, if it had not begun), the student leaves every lesson
 * still ahead (the lesson on condition it is unchanged since read, its attendee row, their day
 * schedules), and the seat passes to the first student waiting — offered with a claim-by and an
 * email (offers/pass-seat.ts) — or, with nobody waiting, is freed. Lost races rerun.
 */
export async function withdraw(actor: Actor, studioId: string, slotId: string, studentId: string, now = new Date()): Promise<Withdrawal> {
  const { classSlot, classEnrolment, lesson: lessonsOf } = classesDb().entities;
  return withAdmissionRetry(async () => {
    const { member, studio, records } = await loadMemberWith(
      actor,
      studioId,
      itemOf(classSlot, { studioId, slotId }),
      itemOf(classEnrolment, { studioId, slotId, studentId }),
    );
    const [slot, seat] = records as [ClassSlotRecord | null, ClassEnrolmentRecord | null];
    if (!slot) throw hiddenRecord("Class slot");
    assertMay(member, "class.manage");
    if (!seat) throw hiddenRecord("Seat");
    const lessons = (await readTogether(...seat.lessonIds.map((lessonId) => itemOf(lessonsOf, { studioId, lessonId })))).filter(
      (l): l is LessonRecord =>
        Boolean(l) &&
        (l as LessonRecord).status !== "cancelled" &&
        Date.parse((l as LessonRecord).scheduledStart) > now.getTime() &&
        (l as LessonRecord).studentIds.includes(studentId),
    ) as LessonRecord[];
    const [{ plan: bookings }, handOver] = await Promise.all([
      planBookings(studioId, { remove: lessons.map((l) => studentSlot(l, studentId)) }),
      handOverSeat(studio, slot, now, studentId),
    ]);
    const today = localParts(now, studio.timeZone).date;
    const stamp = now.toISOString();
    await commitWrites(
      classesDb,
      (tx) => [
        failsWith(
          tx.classEnrolment
            .delete({ studioId, slotId, studentId })
            .where((a, op) => op.eq(a.updatedAt, seat.updatedAt))
            .commit(),
          () => new AdmissionRace(),
        ),
        seat.startDate > today
          ? tx.feePlanEnrolment.delete({ studioId, studentId, feePlanId: seat.feePlanId }).commit()
          : tx.feePlanEnrolment.patch({ studioId, studentId, feePlanId: seat.feePlanId }).set({ endDate: today, updatedBy: actor.userId }).commit(),
        ...lessons.flatMap((lesson) => [
          failsWith(
            tx.lesson
              .patch({ studioId, lessonId: lesson.lessonId })
              .set({ studentIds: lesson.studentIds.filter((id) => id !== studentId), updatedBy: actor.userId, updatedAt: stamp })
              .where((a, op) => op.eq(a.updatedAt, lesson.updatedAt))
              .commit(),
            () => new AdmissionRace(),
          ),
          tx.lessonAttendee.delete({ studioId, lessonId: lesson.lessonId, studentId }).commit(),
        ]),
        ...handOver.writes(tx),
        recordAudit(tx, {
          studioId,
          actorId: actor.userId,
          action: "classEnrolment.withdrawn",
          entityType: "classEnrolment",
          entityId: `${slotId}:${studentId}`,
          before: seat,
        }),
        ...failsWith(bookings.writes(tx), () => new AdmissionRace()),
      ],
      { raced: () => new AdmissionRace() },
    );
    return {
      slotId,
      studentId,
      lessonsLeft: lessons.length,
      offeredTo: handOver.next ? { studentId: handOver.next.studentId, claimBy: handOver.claimBy! } : null,
    };
  });
}
