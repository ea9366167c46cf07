import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { AppError, conflict, type FieldError } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { loadLessonFor, readAttendees } from "../lessons/lesson-access";
import { EARLY_START_MINUTES } from "../lessons/lesson-transitions";
import { LESSON_CHANGED } from "../lessons/lesson-writes";
import { scheduleDb } from "../schedule-db";
import { toAttendanceEntry } from "./attendance-view";
import type { MarkAttendanceInput } from "./schemas";

/**
 * Takes attendance (admins and the lesson's teacher): each listed student's status, minutes late
 * and note replace what they had; students not listed keep theirs. Only the lesson's students; not
 * on a cancelled lesson, nor on a group class's date (its class's route counts the plan's classes); a lesson that has not started (15 minutes' grace) cannot be marked present
 * or late (absent and excused may be known ahead). The attendee items, a touch of the lesson (so a
 * concurrent change of the lesson cannot overwrite the attendance, nor this the change: 409) and
 * the audit event commit in one transaction.
 */
export async function markAttendance(actor: Actor, studioId: string, lessonId: string, input: MarkAttendanceInput) {
  const { member, lesson } = await loadLessonFor(actor, studioId, lessonId);
  assertMay(member, "lesson.teach", lesson);
  if (lesson.status === "cancelled") throw conflict("attendance.lesson_cancelled", "A cancelled lesson has no attendance", "entries");
  if (lesson.classSlotId)
    throw conflict(
      "attendance.class_lesson",
      `A group class's attendance is taken with its class (PUT …/class-slots/${lesson.classSlotId}/lessons/${lessonId}/attendance), where each present mark uses a class of the student's plan`,
      "entries",
    );
  const attendees = await readAttendees(studioId, lessonId);
  const byStudent = new Map(attendees.map((a) => [a.studentId, a]));
  const notStarted = Date.parse(lesson.scheduledStart) - EARLY_START_MINUTES * 60_000 > Date.now();

  const errors: FieldError[] = [];
  input.entries.forEach((entry, i) => {
    if (!byStudent.has(entry.studentId)) errors.push({ path: `entries.${i}.studentId`, message: "is not a student of this lesson" });
    else if (notStarted && (entry.status === "present" || entry.status === "late")) {
      errors.push({ path: `entries.${i}.status`, message: "a lesson that has not started cannot be marked present or late" });
    }
  });
  if (errors.length) throw new AppError("validation_failed", "The request has invalid fields", { errors });

  const now = new Date().toISOString();
  const marked = input.entries.map((entry) => ({
    ...byStudent.get(entry.studentId)!,
    attendance: entry.status,
    minutesLate: entry.minutesLate,
    attendanceNote: entry.note,
    attendanceMarkedBy: actor.userId,
    attendanceMarkedAt: now,
  }));
  const view = (list: typeof attendees) => Object.fromEntries(list.map((a) => [a.studentId, { ...toAttendanceEntry(a), studentId: undefined }]));

  await commitWrites(scheduleDb, (tx) => [
    ...failsWith(
      [
        tx.lesson
          .patch({ studioId, lessonId })
          .set({ updatedBy: actor.userId })
          .where((a, op) => op.eq(a.updatedAt, lesson.updatedAt))
          .commit(),
        ...marked.map((a) => {
          const cleared = (["minutesLate", "attendanceNote"] as const).filter((key) => a[key] === undefined);
          const patch = tx.lessonAttendee.patch({ studioId, lessonId, studentId: a.studentId }).set({
            attendance: a.attendance,
            attendanceMarkedBy: a.attendanceMarkedBy,
            attendanceMarkedAt: a.attendanceMarkedAt,
            ...(a.minutesLate !== undefined ? { minutesLate: a.minutesLate } : {}),
            ...(a.attendanceNote !== undefined ? { attendanceNote: a.attendanceNote } : {}),
          });
          return (cleared.length ? patch.remove(cleared) : patch).commit();
        }),
      ],
      () => conflict("lesson.changed", LESSON_CHANGED),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "lesson.attendance_marked",
      entityType: "lesson",
      entityId: lessonId,
      before: { attendance: view(input.entries.map((e) => byStudent.get(e.studentId)!)) },
      after: { attendance: view(marked) },
    }),
  ]);

  const updated = new Map(marked.map((a) => [a.studentId, a]));
  return { lessonId, entries: attendees.map((a) => toAttendanceEntry(updated.get(a.studentId) ?? a)) };
}
