import { recordAudit } from "../../audit";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { AppError, conflict, type FieldError } from "../../kernel/errors";
import { outboxEmails, type OutboxEmail } from "../../outbox";
import type { StudentRecord } from "../../people/module";
import { assertMay, hiddenRecord, type Actor } from "../../policy";
import { LESSON_CHANGED, readAttendees, type AttendanceStatus, type AttendeeRecord, type LessonRecord } from "../../scheduling";
import { studentContacts } from "../../people";
import { classesDb } from "../classes-db";
import type { ClassEnrolmentRecord } from "../class-enrolment.entity";
import type { GroupAttendance } from "../class-schemas";
import { classesLeftEmails } from "../offers/offer-emails";
import type { GroupAttendanceInput } from "../schemas";
import { loadSlotFor } from "../slots/create-slot";

/** Classes left at which the family hears: running low, and used up (renew). */
export const NOTICE_AT = [4, 0] as const;
/** A class may be marked present or late from this many minutes before it starts. */
const EARLY_MINUTES = 15;
const attended = (status: AttendanceStatus | undefined) => status === "present" || status === "late";

async function loadClass(actor: Actor, studioId: string, slotId: string, lessonId: string) {
  const { lesson: lessons, classEnrolment } = classesDb().entities;
  const { member, studio, slot, rest } = await loadSlotFor(actor, studioId, slotId, itemOf(lessons, { studioId, lessonId }));
  const lesson = rest[0] as LessonRecord | null;
  if (!lesson || !slot.lessons.some((l) => l.lessonId === lessonId)) throw hiddenRecord("Lesson");
  const [attendees, { data: seats }] = await Promise.all([
    readAttendees(studioId, lessonId),
    classEnrolment.query.classEnrolment({ studioId, slotId }).go({ pages: "all" }),
  ]);
  return { member, studio, slot, lesson, attendees, seats };
}

/** The class as the screen shows it: each student's name comes with their seat (no read of the students). */
function toView(slotId: string, lesson: LessonRecord, attendees: AttendeeRecord[], seats: ClassEnrolmentRecord[]): GroupAttendance {
  const left = new Map(seats.map((s) => [s.studentId, s.classesLeft]));
  const names = new Map(seats.map((s) => [s.studentId, s.studentName]));
  return {
    slotId,
    lessonId: lesson.lessonId,
    scheduledStart: lesson.scheduledStart,
    scheduledEnd: lesson.scheduledEnd,
    status: lesson.status,
    students: attendees
      .map((a) => ({
        studentId: a.studentId,
        studentName: names.get(a.studentId) ?? "Student",
        attendance: a.attendance ?? null,
        classesLeft: left.get(a.studentId) ?? null,
      }))
      .sort((a, b) => a.studentName.localeCompare(b.studentName)),
  };
}

/** One class date of a slot with every student, their attendance and classes left (admins, the slot's teacher). */
export async function getGroupAttendance(actor: Actor, studioId: string, slotId: string, lessonId: string): Promise<GroupAttendance> {
  const { lesson, attendees, seats } = await loadClass(actor, studioId, slotId, lessonId);
  return toView(slotId, lesson, attendees, seats);
}

/**
 * Takes a class's attendance in one form (admins, the slot's teacher): each listed student's status.
 * A student newly marked present or late uses one class of their plan (`classesLeft` down; a mark
 * taken back gives it back), on condition their seat is unchanged since read; reaching 4 and 0 left
 * emails the family once each (recorded in `noticesSent` on the same condition, deterministic
 * outbox ids). The attendee rows, a touch of the lesson (a concurrent change is a 409), the seats,
 * the emails and the audit event commit in one transaction.
 */
export async function markGroupAttendance(actor: Actor, studioId: string, slotId: string, lessonId: string, input: GroupAttendanceInput, now = new Date()) {
  const { member, studio, slot, lesson, attendees, seats } = await loadClass(actor, studioId, slotId, lessonId);
  assertMay(member, "class-slot.teach", slot);
  if (lesson.status === "cancelled") throw conflict("attendance.lesson_cancelled", "A cancelled class has no attendance", "entries");
  const byStudent = new Map(attendees.map((a) => [a.studentId, a]));
  const notStarted = Date.parse(lesson.scheduledStart) - EARLY_MINUTES * 60_000 > now.getTime();
  const errors: FieldError[] = [];
  input.entries.forEach((entry, i) => {
    if (!byStudent.has(entry.studentId)) errors.push({ path: `entries.${i}.studentId`, message: "is not a student of this class" });
    else if (notStarted && attended(entry.status))
      errors.push({ path: `entries.${i}.status`, message: "a class that has not started cannot be marked present or late" });
  });
  if (errors.length) throw new AppError("validation_failed", "The request has invalid fields", { errors });

  const seatOf = new Map(seats.filter((s) => s.lessonIds.includes(lessonId)).map((s) => [s.studentId, s]));
  const seatChanges: Array<{ seat: ClassEnrolmentRecord; classesLeft: number; notice?: number }> = [];
  for (const entry of input.entries) {
    const seat = seatOf.get(entry.studentId);
    const delta = Number(attended(entry.status)) - Number(attended(byStudent.get(entry.studentId)!.attendance));
    if (!seat || delta === 0) continue;
    const classesLeft = Math.min(seat.classCount, Math.max(0, seat.classesLeft - delta));
    if (classesLeft === seat.classesLeft) continue;
    const notice = delta > 0 ? NOTICE_AT.find((n) => n === classesLeft && !(seat.noticesSent ?? []).includes(String(n))) : undefined;
    seatChanges.push({ seat, classesLeft, ...(notice !== undefined ? { notice } : {}) });
  }
  const noticed = seatChanges.filter((c) => c.notice !== undefined);
  const students = noticed.length
    ? ((await readTogether(...noticed.map((c) => itemOf(classesDb().entities.student, { studioId, studentId: c.seat.studentId })))) as (StudentRecord | null)[])
    : [];
  const emails: OutboxEmail[] = (
    await Promise.all(
      noticed.map(async (c, i) => (students[i] ? classesLeftEmails(studio, slot, students[i]!, c.notice!, await studentContacts(studioId, students[i]!)) : [])),
    )
  ).flat();

  const stamp = now.toISOString();
  await commitWrites(classesDb, (tx) => [
    ...failsWith(
      [
        tx.lesson
          .patch({ studioId, lessonId })
          .set({ updatedBy: actor.userId })
          .where((a, op) => op.eq(a.updatedAt, lesson.updatedAt))
          .commit(),
        ...input.entries.map((entry) =>
          tx.lessonAttendee
            .patch({ studioId, lessonId, studentId: entry.studentId })
            .set({ attendance: entry.status, attendanceMarkedBy: actor.userId, attendanceMarkedAt: stamp })
            .commit(),
        ),
        ...seatChanges.map(({ seat, classesLeft, notice }) => {
          const patch = tx.classEnrolment.patch({ studioId, slotId, studentId: seat.studentId }).set({ classesLeft, updatedAt: stamp });
          return (notice !== undefined ? patch.append({ noticesSent: [String(notice)] }) : patch)
            .where((a, op) => op.eq(a.classesLeft, seat.classesLeft))
            .commit();
        }),
      ],
      () => conflict("lesson.changed", LESSON_CHANGED),
    ),
    ...outboxEmails(tx, emails, now),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "lesson.attendance_marked",
      entityType: "lesson",
      entityId: lessonId,
      after: { attendance: Object.fromEntries(input.entries.map((e) => [e.studentId, e.status])) },
    }),
  ]);
  const marked = attendees.map((a) => {
    const entry = input.entries.find((e) => e.studentId === a.studentId);
    return entry ? { ...a, attendance: entry.status } : a;
  });
  const left = new Map(seatChanges.map((c) => [c.seat.studentId, c.classesLeft]));
  return toView(
    slotId,
    lesson,
    marked,
    seats.map((s) => ({ ...s, classesLeft: left.get(s.studentId) ?? s.classesLeft })),
  );
}
