import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { recordAudit } from "../../audit";
import { outboxEmails, type OutboxEmail } from "../../outbox";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { withBookingRetry } from "../bookings/with-booking-retry";
import { durationMinutes, type LessonRecord } from "../lessons/lesson-view";
import { saveLessonChange } from "../lessons/save-lesson-change";
import { scheduleDb, type ScheduleTx } from "../schedule-db";
import { reviewedNotices } from "./reschedule-notices";
import { loadRequestFor, requirePending, reviewedMeanwhile } from "./request-access";
import { toRescheduleRequest, type RescheduleRequestRecord } from "./request-view";
import type { ReviewRescheduleRequestInput } from "./schemas";

/**
 * The request as answered, written back whole (its status is a key of the inbox index) on
 * condition it is still pending (else reviewedMeanwhile).
 */
function reviewWrites(tx: ScheduleTx, actor: Actor, before: RescheduleRequestRecord, after: RescheduleRequestRecord, notices: OutboxEmail[]) {
  return [
    failsWith(
      tx.rescheduleRequest
        .put(after)
        .where((a, op) => op.eq(a.status, "pending"))
        .commit(),
      reviewedMeanwhile,
    ),
    recordAudit(tx, {
      studioId: after.studioId,
      actorId: actor.userId,
      action: `reschedule_request.${after.status}`,
      entityType: "reschedule_request",
      entityId: after.requestId,
      before,
      after,
    }),
    ...outboxEmails(tx, notices),
  ];
}

const reviewed = (request: RescheduleRequestRecord, actor: Actor, status: "approved" | "rejected", at: string, note?: string): RescheduleRequestRecord => ({
  ...request,
  status,
  reviewedBy: actor.userId,
  reviewedAt: at,
  ...(note ? { reviewNote: note } : {}),
  updatedAt: at,
});

/**
 * Approves a request (admins and the lesson's teacher): the lesson moves to the proposed time
 * through the same checks as PATCH (studio open, every booking of the teacher, students and room
 * re-checked: a conflict is a 409 and the request stays pending), keeps its length and records
 * `rescheduledFrom`; the lesson, its bookings, the answered request and both audit events commit
 * together with the emails to the student and their family's guardians (outbox).
 */
export async function approveRescheduleRequest(actor: Actor, studioId: string, requestId: string, input: ReviewRescheduleRequestInput) {
  const { studio, request } = await withBookingRetry(async () => {
    const loaded = await loadRequestFor(actor, studioId, requestId);
    const { member, lesson } = loaded;
    assertMay(member, "lesson.teach", lesson);
    requirePending(loaded.request);
    const now = new Date();
    if (lesson.status !== "scheduled")
      throw conflict("reschedule.lesson_not_movable", `The lesson is ${lesson.status.replace("_", " ")}; it can no longer be moved`, "status");
    if (Date.parse(loaded.request.proposedStart) <= now.getTime())
      throw conflict("reschedule.proposal_passed", "The proposed time has passed; ask for another one", "proposedStart");

    const proposedEnd = new Date(Date.parse(loaded.request.proposedStart) + durationMinutes(lesson) * 60_000).toISOString();
    const next: LessonRecord = {
      ...structuredClone(lesson),
      scheduledStart: loaded.request.proposedStart,
      scheduledEnd: proposedEnd,
      rescheduledFrom: lesson.scheduledStart,
      ...(lesson.patternId ? { editedByHand: true } : {}),
    };
    const after = reviewed({ ...loaded.request, proposedEnd }, actor, "approved", now.toISOString(), input.note);
    const notices = await reviewedNotices(loaded.studio, after, "approved", { ...next, updatedAt: now.toISOString() });
    await saveLessonChange(actor, { ...loaded, familyStudentIds: [] }, next, {
      action: "lesson.rescheduled",
      now,
      // The answer to the request is the family's email about the move (with its invitation).
      notifyFamily: false,
      extra: (tx) => reviewWrites(tx, actor, loaded.request, after, notices),
    });
    return { studio: loaded.studio, request: after };
  });
  return toRescheduleRequest(request, studio.timeZone);
}

/** Rejects a request (admins and the lesson's teacher); the lesson stays; the student and their family are emailed. */
export async function rejectRescheduleRequest(actor: Actor, studioId: string, requestId: string, input: ReviewRescheduleRequestInput) {
  const { member, studio, request, lesson } = await loadRequestFor(actor, studioId, requestId);
  assertMay(member, "lesson.teach", lesson);
  requirePending(request);
  const after = reviewed(request, actor, "rejected", new Date().toISOString(), input.note);
  const notices = await reviewedNotices(studio, after, "rejected");
  await commitWrites(scheduleDb, (tx) => reviewWrites(tx, actor, request, after, notices));
  return toRescheduleRequest(after, studio.timeZone);
}
