import { recordAudit } from "../../audit";
import { type BookingSlot, resourcesOf, utcDays } from "../bookings/booking-slot";
import type { LessonRecord } from "../lessons/lesson-view";
import { type LessonState, lessonWrites, slotOf } from "../lessons/lesson-writes";
import { termOf } from "../makeups/credit-term";
import type { MakeupCreditRecord } from "../makeups/credit-view";
import { newCredit, studentCreditsInTerm } from "../makeups/issue-credits";
import type { ScheduleTx } from "../schedule-db";
import type { SchedulingSettings } from "../settings/defaults";
import { localParts } from "../../kernel/time/wall-clock";
import { type CancellationDecision, type CancelledBy, decideCancellation } from "./cancellation-outcome";

export interface CancelRequest {
  by: CancelledBy;
  reason: string;
  actorId: string;
  now: Date;
  timeZone: string;
  settings: SchedulingSettings;
  /** Set when a studio closure cancels the lesson. */
  closureId?: string;
}

export interface PlannedCancellation {
  previous: LessonState;
  /** The lesson as cancelled, with its `cancellation` record. */
  next: LessonRecord;
  /** Per student: the policy's decision and the credit it earned, if any. */
  outcomes: Map<string, { decision: CancellationDecision; credit?: MakeupCreditRecord }>;
  /** The day-schedule booking it frees. */
  slot: BookingSlot;
}

/**
 * Applies the cancellation policy to a scheduled lesson: one decision (and credit) per student,
 * the lesson marked cancelled with the outcome in words, and the slot it frees. A student's own
 * cancellation (private lessons only) first counts the credits they earned this term (one query).
 */
export async function planCancellation(state: LessonState, request: CancelRequest): Promise<PlannedCancellation> {
  const { lesson } = state;
  const { by, settings, now, timeZone } = request;
  const today = localParts(now, timeZone).date;
  const term = termOf(today, settings.termLength);
  const counted = by === "student" && settings.issueMakeupCredit;
  const issued = new Map<string, number>(
    await Promise.all(lesson.studentIds.map(async (id) => [id, counted ? await studentCreditsInTerm(lesson.studioId, id, term, timeZone) : 0] as const)),
  );

  const noticeMs = new Date(lesson.scheduledStart).getTime() - now.getTime();
  const outcomes: PlannedCancellation["outcomes"] = new Map();
  for (const studentId of lesson.studentIds) {
    const issuedThisTerm = issued.get(studentId) ?? 0;
    const decision = decideCancellation({ by, noticeMs, settings, issuedThisTerm, closure: Boolean(request.closureId) });
    const credit =
      decision.outcome === "credit_issued"
        ? newCredit({
            studioId: lesson.studioId,
            studentId,
            lesson,
            cancelledBy: by,
            reason: request.reason,
            term,
            issuedThisTerm,
            settings,
            today,
            now,
            actorId: request.actorId,
          })
        : undefined;
    outcomes.set(studentId, { decision, ...(credit ? { credit } : {}) });
  }

  // A private lesson has one outcome; a group lesson cancelled by the studio gives each student the same one.
  const first = outcomes.get(lesson.studentIds[0]!)!;
  const next: LessonRecord = {
    ...lesson,
    status: "cancelled",
    editedByHand: lesson.editedByHand || Boolean(lesson.patternId),
    cancellation: {
      by,
      reason: request.reason,
      at: now.toISOString(),
      actorId: request.actorId,
      noticeHours: first.decision.noticeHours,
      outcome: first.decision.outcome,
      explanation: first.decision.explanation,
      ...(lesson.studentIds.length === 1 && first.credit ? { creditId: first.credit.creditId } : {}),
      ...(request.closureId ? { closureId: request.closureId } : {}),
    },
    updatedBy: request.actorId,
    revision: (lesson.revision ?? 0) + 1,
  };
  return { previous: state, next, outcomes, slot: slotOf(lesson, 0) };
}

/**
 * The transaction items of a planned cancellation: the lesson (on condition nobody changed it
 * since it was read), its attendees, its reminder removed, the credits (each created on condition
 * it is new) and the audit event (listing the credits). The freed day-schedule slots come from planBookings.
 */
export function cancellationWrites(tx: ScheduleTx, planned: PlannedCancellation, request: Pick<CancelRequest, "settings" | "now" | "actorId">): unknown[] {
  const { next, previous } = planned;
  const credits = [...planned.outcomes.values()].flatMap(({ credit }) => (credit ? [credit] : []));
  return [
    ...lessonWrites(tx, next, { previous, familyOf: () => undefined, settings: request.settings, now: request.now }),
    ...credits.map((credit) => tx.makeupCredit.create(credit).commit()),
    recordAudit(tx, {
      studioId: next.studioId,
      actorId: request.actorId,
      action: "lesson.cancelled",
      entityType: "lesson",
      entityId: next.lessonId,
      before: previous.lesson as never,
      // The credits it issued are part of the record of the cancellation (a group lesson has one per student).
      after: { ...next, makeupCreditIds: credits.map((c) => c.creditId) } as never,
    }),
  ];
}

/** The most transaction items cancelling a lesson can take, its day schedules included (for chunking). */
export function cancellationItemBound(lesson: LessonRecord): number {
  const students = new Set(lesson.studentIds).size;
  const days = utcDays(lesson.scheduledStart, lesson.scheduledEnd).length;
  const dayItems = resourcesOf(slotOf(lesson, 0)).length * days;
  // lesson + attendees + reminder, credits, audit, day schedules
  return 1 + students + 1 + students + 1 + dayItems;
}
