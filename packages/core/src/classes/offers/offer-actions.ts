import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { AppError, conflict } from "../../kernel/errors";
import type { StudentRecord } from "../../people/module";
import { studentContacts } from "../../people";
import { dayScheduleReads, dayStatesOf, dayKeys, type LessonRecord } from "../../scheduling";
import type { StudioRecord } from "../../studios/module";
import { AdmissionRace, withAdmissionRetry } from "../admissions/admission-race";
import { planSeat, remainingLessons, seatWrites, studentSlot } from "../admissions/seat-writes";
import { classesDb } from "../classes-db";
import type { ClassEnrolmentRecord } from "../class-enrolment.entity";
import type { ClassSlotRecord } from "../class-slot.entity";
import type { ClassOffer } from "../class-schemas";
import type { CourseRecord } from "../course.entity";
import type { WaitlistEntryRecord } from "../waitlist-entry.entity";
import { readOfferToken, type OfferClaims } from "./offer-token";
import { handOverSeat, hourOf } from "./pass-seat";

interface OfferState {
  claims: OfferClaims;
  studio: StudioRecord;
  slot: ClassSlotRecord;
  student: StudentRecord;
  entry: WaitlistEntryRecord | null;
  seat: ClassEnrolmentRecord | null;
}

const invalid = () => new AppError("link.invalid", "This link is not valid: open the latest email from the studio, or contact them");

async function loadOffer(token: string, now: Date): Promise<OfferState> {
  const claims = readOfferToken(token, now.getTime());
  const { studioId, slotId, studentId } = claims;
  const { studio: studios, classSlot, student: students, waitlistEntry, classEnrolment } = classesDb().entities;
  const [studio, slot, student, entry, seat] = await readTogether(
    itemOf(studios, { studioId }),
    itemOf(classSlot, { studioId, slotId }),
    itemOf(students, { studioId, studentId }),
    itemOf(waitlistEntry, { studioId, slotId, studentId }),
    itemOf(classEnrolment, { studioId, slotId, studentId }),
  );
  if (!studio || studio.deletedAt || !slot || !student || student.deletedAt) throw invalid();
  return { claims, studio, slot, student, entry, seat } as OfferState;
}

const isOpen = (s: OfferState, now: Date) =>
  s.entry?.state === "offered" && s.entry.offerId === s.claims.offerId && Date.parse(s.entry.claimBy ?? "") > now.getTime();

function view(s: OfferState, state: ClassOffer["state"]): ClassOffer {
  return {
    studioName: s.studio.name,
    courseName: s.slot.courseName,
    studentName: s.student.firstName,
    weekday: s.slot.weekday,
    startTime: s.slot.startTime,
    termStart: s.slot.termStart,
    termEnd: s.slot.termEnd,
    claimBy: s.entry?.claimBy ?? new Date(s.claims.expiresAt * 1000).toISOString(),
    state,
  };
}

/** What a waitlist offer's link shows before anyone acts: open, claimed (the student has the seat), or closed. */
export async function getClassOffer(token: string, now = new Date()): Promise<ClassOffer> {
  const s = await loadOffer(token, now);
  return view(s, isOpen(s, now) ? "open" : s.seat ? "claimed" : "closed");
}

/**
 * The family claims the seat held for them (the signed link, no sign-in): the same transaction as
 * an admission (seat-writes.ts) on the plan they waited with, except that the held seat is not
 * counted again — the entry goes instead, on condition the offer is still open — and the offer
 * leaves the expiry queue.
 */
export async function claimClassOffer(token: string, now = new Date()): Promise<ClassOffer> {
  return withAdmissionRetry(async () => {
    const s = await loadOffer(token, now);
    if (!isOpen(s, now)) throw conflict("class_offer.closed", s.seat ? "The seat is claimed already" : "This offer was declined or has lapsed");
    const { studio, slot, student, entry } = s;
    const { course: courses, lesson: lessonsOf } = classesDb().entities;
    const ahead = slot.lessons.filter((l) => Date.parse(l.start) > now.getTime());
    const [[course, ...lessons], contacts] = await Promise.all([
      readTogether(
        itemOf(courses, { studioId: studio.studioId, courseId: slot.courseId }),
        ...ahead.map((l) => itemOf(lessonsOf, { studioId: studio.studioId, lessonId: l.lessonId })),
      ),
      studentContacts(studio.studioId, student),
    ]);
    const plan = (course as CourseRecord | null)?.plans.find((p) => p.planId === entry!.planId) ?? (course as CourseRecord | null)?.plans[0];
    if (!plan) throw conflict("class_offer.closed", "The course of this class no longer has a plan to enrol on: contact the studio");
    const remaining = remainingLessons(lessons as (LessonRecord | null)[], now);
    if (remaining.length === 0) throw conflict("class_slot.no_lessons_left", `${slot.courseName} has no classes left this term`);
    const days = remaining.flatMap((l) => dayKeys(studentSlot(l, student.studentId), true));
    const known = dayStatesOf(days, await readTogether(...dayScheduleReads(studio.studioId, days)));
    const seat = await planSeat(
      { slot, student, plan, lessons: remaining, claim: entry!, actorId: `link:${s.claims.email}`, now, notify: { studio, contacts } },
      studio.timeZone,
      known,
    );
    await commitWrites(
      classesDb,
      (tx) => [
        ...seatWrites(tx, seat),
        tx.classOfferDue.delete({ hour: hourOf(entry!.claimBy!), studioId: studio.studioId, slotId: slot.slotId, studentId: student.studentId }).commit(),
        ...failsWith(seat.bookings.writes(tx), () => new AdmissionRace()),
      ],
      { raced: () => new AdmissionRace() },
    );
    return view({ ...s, entry: null, seat: seat.enrolment }, "claimed");
  });
}

/**
 * Gives up a held seat: the entry leaves the waitlist (on condition the offer is still the one
 * held) and the expiry queue, and the seat passes to the next student waiting (or is freed), in one
 * transaction. `by`: the family's link or the offer-expiry job.
 */
export async function releaseOffer(s: Pick<OfferState, "studio" | "slot" | "entry">, offerId: string, by: string, now: Date): Promise<void> {
  const { studio, slot, entry } = s;
  if (!entry) return;
  const handOver = await handOverSeat(studio, slot, now, entry.studentId);
  const { studioId, slotId } = slot;
  await commitWrites(
    classesDb,
    (tx) => [
      failsWith(
        tx.waitlistEntry
          .delete({ studioId, slotId, studentId: entry.studentId })
          .where((a, op) => `${op.eq(a.state, "offered")} AND ${op.eq(a.offerId, offerId)}`)
          .commit(),
        () => conflict("class_offer.closed", "This offer was claimed, declined or has lapsed"),
      ),
      tx.classOfferDue.delete({ hour: hourOf(entry.claimBy!), studioId, slotId, studentId: entry.studentId }).commit(),
      ...handOver.writes(tx),
      recordAudit(tx, {
        studioId,
        actorId: by,
        action: by.startsWith("job:") ? "waitlistEntry.offer_lapsed" : "waitlistEntry.offer_declined",
        entityType: "waitlistEntry",
        entityId: `${slotId}:${entry.studentId}`,
        before: entry,
      }),
    ],
    { raced: () => new AdmissionRace() },
  );
}

/** The family declines the seat (the signed link): it passes to the next student waiting. */
export async function declineClassOffer(token: string, now = new Date()): Promise<ClassOffer> {
  return withAdmissionRetry(async () => {
    const s = await loadOffer(token, now);
    if (!isOpen(s, now)) throw conflict("class_offer.closed", s.seat ? "The seat is claimed already" : "This offer was declined or has lapsed");
    await releaseOffer(s, s.claims.offerId, `link:${s.claims.email}`, now);
    return view({ ...s, entry: null }, "declined");
  });
}
