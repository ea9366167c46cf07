import { itemOf, readTogether } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict, invalidField } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import type { StudentRecord } from "../../people/module";
import { dayKeys, dayScheduleReads, dayStatesOf, type LessonRecord } from "../../scheduling";
import { classesDb } from "../classes-db";
import type { ClassEnrolmentRecord } from "../class-enrolment.entity";
import type { ClassSlotRecord } from "../class-slot.entity";
import { toClassEnrolment } from "../class-views";
import type { Admission } from "../class-schemas";
import type { CourseRecord } from "../course.entity";
import type { AdmitInput } from "../schemas";
import type { WaitlistEntryRecord } from "../waitlist-entry.entity";
import { AdmissionRace, SlotFull, slotFullError, withAdmissionRetry } from "./admission-race";
import { planSeat, remainingLessons, seatWrites, studentSlot } from "./seat-writes";
import { joinQueue } from "./join-waitlist";
import { studentContacts } from "../../people";

const fullName = (s: StudentRecord) => `${s.firstName} ${s.lastName}`.trim();

/** The slot's lessons still ahead by their planned start (the ones a seat joins), and the student's days they touch. */
function aheadOf(slot: ClassSlotRecord, studentId: string, now: Date) {
  const ahead = slot.lessons.filter((l) => Date.parse(l.start) > now.getTime());
  const days = ahead.flatMap((l) =>
    dayKeys(
      studentSlot(
        { lessonId: l.lessonId, scheduledStart: l.start, scheduledEnd: new Date(Date.parse(l.start) + slot.durationMinutes * 60_000).toISOString() },
        studentId,
      ),
      true,
    ),
  );
  return { ahead, days };
}

/**
 * Admits a student into a class slot on one of its course's plans (admins; lead conversion calls
 * it too). In four DynamoDB calls: the membership with the slot, the student and their seat and
 * waitlist entry (one BatchGetItem); the course, the remaining lessons and the student's day
 * schedules for them (one BatchGetItem; beside it, for a student in a family, the family and its
 * guardians, to email: the family's "has a seat" email); and one transaction (seat-writes.ts) whose capacity
 * condition is the guard — never a count read before. A full slot is a 409 offering its waitlist,
 * or with `waitlist: true` the student joins the queue in order. Lost races rerun from a fresh read.
 */
export async function admit(actor: Actor, studioId: string, input: AdmitInput, now = new Date()): Promise<Admission> {
  const { classSlot, student: students, classEnrolment, waitlistEntry, course: courses, lesson: lessonsOf } = classesDb().entities;
  return withAdmissionRetry(async () => {
    const { member, studio, records } = await loadMemberWith(
      actor,
      studioId,
      itemOf(classSlot, { studioId, slotId: input.slotId }),
      itemOf(students, { studioId, studentId: input.studentId }),
      itemOf(classEnrolment, { studioId, slotId: input.slotId, studentId: input.studentId }),
      itemOf(waitlistEntry, { studioId, slotId: input.slotId, studentId: input.studentId }),
    );
    assertMay(member, "class.manage");
    const [slot, student, seat, waiting] = records as [ClassSlotRecord | null, StudentRecord | null, ClassEnrolmentRecord | null, WaitlistEntryRecord | null];
    if (!slot) throw invalidField("slotId", "is not a class slot of this studio");
    if (!student || student.deletedAt) throw invalidField("studentId", "is not a student of this studio");
    if (seat) throw conflict("class_enrolment.exists", `${student.firstName} already has a seat in this class`, "studentId");
    if (waiting)
      throw conflict("waitlist.exists", `${student.firstName} is on this class's waitlist already (the next free seat is offered in turn)`, "studentId");

    const { ahead, days } = aheadOf(slot, student.studentId, now);
    const [[course, ...rest], contacts] = await Promise.all([
      readTogether(
        itemOf(courses, { studioId, courseId: slot.courseId }),
        ...ahead.map((l) => itemOf(lessonsOf, { studioId, lessonId: l.lessonId })),
        ...dayScheduleReads(studioId, days),
      ),
      studentContacts(studioId, student),
    ]);
    const plan = (course as CourseRecord | null)?.plans.find((p) => p.planId === input.planId);
    if (!plan) throw invalidField("planId", "is not a plan of this slot's course");
    const full = async () => {
      if (!input.waitlist) throw slotFullError(slot.courseName);
      const entry = await joinQueue(studioId, slot, student, plan.planId, actor.userId, now);
      return { outcome: "waitlisted" as const, enrolment: null, waitlistEntry: entry };
    };
    if (slot.seatsTaken >= slot.capacity) return full();
    const lessons = remainingLessons(rest.slice(0, ahead.length) as (LessonRecord | null)[], now);
    if (lessons.length === 0) throw conflict("class_slot.no_lessons_left", `${slot.courseName} has no classes left this term`, "slotId");
    const planned = await planSeat(
      { slot, student, plan, lessons, actorId: actor.userId, now, notify: { studio, contacts } },
      studio.timeZone,
      dayStatesOf(days, rest.slice(ahead.length)),
    );
    try {
      await commitWrites(classesDb, (tx) => [...seatWrites(tx, planned), ...failsWith(planned.bookings.writes(tx), () => new AdmissionRace())], {
        raced: () => new AdmissionRace(),
      });
    } catch (error) {
      if (error instanceof SlotFull) return full();
      throw error;
    }
    return { outcome: "admitted", enrolment: toClassEnrolment(planned.enrolment, fullName(student)), waitlistEntry: null };
  });
}
