import { AppError } from "../../kernel/errors";
import { assertMay, isStudioAdmin, type Actor } from "../../policy";
import { withBookingRetry } from "../bookings/with-booking-retry";
import { applyLessonUpdate } from "./apply-lesson-update";
import { loadLessonFor } from "./lesson-access";
import { toLesson, type LessonRecord } from "./lesson-view";
import { saveLessonChange } from "./save-lesson-change";
import type { UpdateLessonInput } from "./update-schema";

/** The audit action that names what a change did, most telling first. */
function actionOf(before: LessonRecord, after: LessonRecord): string {
  if (before.scheduledStart !== after.scheduledStart || before.scheduledEnd !== after.scheduledEnd) return "lesson.rescheduled";
  if (before.teacherId !== after.teacherId) return "lesson.substituted";
  if (before.status !== after.status) return "lesson.status_changed";
  return "lesson.updated";
}

/**
 * Changes a lesson (admins and its teachers — the one teaching it and the one it was booked with;
 * its students and parents get 403): move it, change its place, type or title, hand it to a
 * substitute (admins only, so no teacher gives a lesson away), move its status or record its
 * actual times (rules in applyLessonUpdate). A move, a new room or a substitute is re-checked
 * against every other booking (409 naming the lesson in the way) and the studio's closures.
 * Nothing changed: answered without a write.
 */
export function updateLesson(actor: Actor, studioId: string, lessonId: string, input: UpdateLessonInput) {
  return withBookingRetry(async () => {
    const loaded = await loadLessonFor(actor, studioId, lessonId);
    assertMay(loaded.member, "lesson.teach", loaded.lesson);
    if (input.substituteTeacherId !== undefined && !isStudioAdmin(loaded.member)) {
      throw new AppError("lesson.substitute_admins_only", "Only the studio's admins set or clear a lesson's substitute teacher", {
        errors: [{ path: "substituteTeacherId", message: "is set by the studio's admins" }],
      });
    }
    const now = new Date();
    const next = applyLessonUpdate(loaded.lesson, input, now);
    if (JSON.stringify(next) === JSON.stringify(loaded.lesson)) return toLesson(loaded.lesson, loaded.studio.timeZone);
    const saved = await saveLessonChange(actor, loaded, next, { action: actionOf(loaded.lesson, next), now });
    return toLesson(saved, loaded.studio.timeZone);
  });
}
