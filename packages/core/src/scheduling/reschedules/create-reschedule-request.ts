import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { outboxEmails } from "../../outbox";
import { conflict, invalidField } from "../../kernel/errors";
import { assertMay, signedIn, type Actor, type MemberAccess } from "../../policy";
import { loadLessonWith } from "../lessons/lesson-access";
import { durationMinutes } from "../lessons/lesson-view";
import { LESSON_CHANGED } from "../lessons/lesson-writes";
import { scheduleDb, type ScheduleTx } from "../schedule-db";
import { requestedNotices } from "./reschedule-notices";
import { requestIdFor, toRescheduleRequest, type RescheduleRequestRecord } from "./request-view";
import type { CreateRescheduleRequestInput } from "./schemas";

/**
 * A student (or a parent for their child) asks to move one of their lessons: scheduled and not yet
 * started, to a time in the future (it keeps its length). One pending request per lesson (409).
 * Admins and teachers, who may move the lesson themselves, get 403. The request, a check that the
 * lesson is as read, the audit event and the emails to the lesson's teacher and the studio's
 * owners and admins (outbox) commit together.
 */
export const createRescheduleRequest = (actor: Actor, studioId: string, input: CreateRescheduleRequestInput) =>
  createRescheduleRequestWith(signedIn(actor), studioId, input);

/**
 * The same for any way of acting (policy/member-access.ts); `extraWrites` join the transaction
 * last, each with its own condition-failure meaning (failsWith).
 */
export async function createRescheduleRequestWith(
  access: MemberAccess,
  studioId: string,
  input: CreateRescheduleRequestInput,
  extraWrites: (tx: ScheduleTx) => unknown[] = () => [],
) {
  const { member, studio, lesson, familyStudentIds } = await loadLessonWith(access, studioId, input.lessonId);
  assertMay(member, "reschedule.request", { ...lesson, familyStudentIds });
  // The student the request is for: the asking student, or the parent's child in the lesson.
  const studentId = member.role === "student" ? member.studentId! : lesson.studentIds.find((id) => familyStudentIds.includes(id))!;

  const now = new Date();
  if (lesson.status !== "scheduled" || Date.parse(lesson.scheduledStart) <= now.getTime()) {
    throw conflict("reschedule.lesson_not_movable", "Only a scheduled lesson that has not started can be moved", "lessonId");
  }
  if (Date.parse(input.proposedStart) <= now.getTime()) throw invalidField("proposedStart", "must be in the future");
  if (input.proposedStart === lesson.scheduledStart) throw invalidField("proposedStart", "is the lesson's time already");

  const { rescheduleRequest, student } = scheduleDb().entities;
  const [{ data: earlier }, { data: studentRecord }] = await Promise.all([
    rescheduleRequest.query
      .request({ studioId })
      .begins({ requestId: `${lesson.lessonId}-r` })
      .go({ pages: "all" }),
    student.get({ studioId, studentId }).go(),
  ]);
  const pending = earlier.find((r) => r.status === "pending");
  if (pending) throw conflict("reschedule.already_pending", `This lesson already has a pending reschedule request (${pending.requestId})`, "lessonId");

  const at = now.toISOString();
  const request: RescheduleRequestRecord = {
    studioId,
    requestId: requestIdFor(lesson.lessonId, earlier.length + 1),
    lessonId: lesson.lessonId,
    studentId,
    ...(studentRecord?.familyId ? { familyId: studentRecord.familyId } : member.role === "parent" && member.familyId ? { familyId: member.familyId } : {}),
    teacherId: lesson.teacherId,
    requestedBy: member.userId,
    originalStart: lesson.scheduledStart,
    originalEnd: lesson.scheduledEnd,
    proposedStart: input.proposedStart,
    proposedEnd: new Date(Date.parse(input.proposedStart) + durationMinutes(lesson) * 60_000).toISOString(),
    ...(input.message ? { message: input.message } : {}),
    status: "pending",
    createdAt: at,
    updatedAt: at,
  };
  const notices = await requestedNotices(studio, request);
  await commitWrites(scheduleDb, (tx) => [
    failsWith(tx.rescheduleRequest.create(request).commit(), () =>
      conflict("reschedule.already_pending", "This lesson already has a pending reschedule request", "lessonId"),
    ),
    failsWith(
      tx.lesson
        .check({ studioId, lessonId: lesson.lessonId })
        .where((a, op) => op.eq(a.updatedAt, lesson.updatedAt))
        .commit(),
      () => conflict("lesson.changed", LESSON_CHANGED),
    ),
    recordAudit(tx, {
      studioId,
      actorId: member.userId,
      action: "reschedule_request.created",
      entityType: "reschedule_request",
      entityId: request.requestId,
      after: request,
    }),
    ...outboxEmails(tx, notices),
    ...extraWrites(tx),
  ]);
  return toRescheduleRequest(request, studio.timeZone);
}
