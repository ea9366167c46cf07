import type { LessonRecord } from "../lessons/lesson-view";
import type { ScheduleTx } from "../schedule-db";
import type { SchedulingSettings } from "../settings/defaults";

/** A slot starting sooner than this is not worth offering (nobody could plan for it). */
export const OFFER_MIN_LEAD_MS = 2 * 3_600_000;
/** Offers are kept a week past their slot, then TTL removes them. */
const KEEP_SECONDS = 7 * 86_400;

/**
 * The offer of a lesson's slot when its family cancelled it (the teacher is still free then), the
 * studio offers freed slots and it is far enough ahead: written in the cancellation's transaction
 * as `pending`, for the broadcast job. A studio's own cancellation (teacher ill, closure) frees
 * nothing to offer.
 */
export function freedSlotOffer(tx: ScheduleTx, lesson: LessonRecord, by: "student" | "studio", settings: SchedulingSettings, now: Date) {
  if (by !== "student" || !settings.offerFreedSlots) return [];
  if (Date.parse(lesson.scheduledStart) - now.getTime() < OFFER_MIN_LEAD_MS) return [];
  return [
    tx.slotOffer
      .create({
        studioId: lesson.studioId,
        offerId: lesson.lessonId,
        teacherId: lesson.teacherId,
        start: lesson.scheduledStart,
        end: lesson.scheduledEnd,
        status: "pending",
        pendingDay: now.toISOString().slice(0, 10),
        expiresAt: Math.floor(Date.parse(lesson.scheduledEnd) / 1000) + KEEP_SECONDS,
      })
      .commit(),
  ];
}
