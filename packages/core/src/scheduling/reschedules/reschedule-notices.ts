import { itemOf, readTogether } from "../../kernel/db/read-together";
import { emailBrand, rescheduleRequestedMessage, rescheduleReviewedMessage, type RenderedEmail } from "../../email";
import type { OutboxEmail } from "../../outbox";
import { studioPublicUrl, workspaceUrl } from "../../studios";
import type { StudioRecord } from "../../studios/module";
import { notice, optedOutAmong, portalPath, workspacePath } from "../../notifications";
import { lessonPeople } from "../cancellations/lesson-recipients";
import { lessonLinks } from "../lesson-actions/action-links";
import { lessonInvite } from "../lesson-notices/lesson-invite";
import type { LessonRecord } from "../lessons/lesson-view";
import { scheduleDb } from "../schedule-db";
import { familyEmails, staffEmails, uniqueEmails } from "./reschedule-recipients";
import type { RescheduleRequestRecord } from "./request-view";

/** Keeps a request's (or review's) transaction within DynamoDB's 100 items however many admins a studio has. */
const MAX_RECIPIENTS = 40;

const fullName = (p: { firstName: string; lastName: string } | null | undefined) => (p ? `${p.firstName} ${p.lastName}` : "A student");

const messages = (studio: StudioRecord, step: string, request: RescheduleRequestRecord, to: string[], email: RenderedEmail): OutboxEmail[] =>
  to.slice(0, MAX_RECIPIENTS).map((address) => ({
    scope: studio.studioId,
    messageId: `reschedule#${request.requestId}#${step}#${address}`,
    to: address,
    email,
    brand: emailBrand(studio),
    // Staff are told of the request (its workspace page); the family of the decision (the lesson in their portal).
    notice: notice(studio, "lessons", `reschedule:${request.requestId}`, {
      link:
        step === "requested"
          ? workspacePath(studio.studioId, "requests", "reschedules", request.requestId)
          : portalPath(studio.studioId, "lessons", request.lessonId),
    }),
  }));

/**
 * The emails telling the lesson's teacher (when their record has an email) and the studio's owners
 * and admins that a move was asked for, linking to the request's page in the workspace; enqueued
 * with the request (outbox).
 */
export async function requestedNotices(studio: StudioRecord, request: RescheduleRequestRecord): Promise<OutboxEmail[]> {
  const { student, teacher } = scheduleDb().entities;
  const [s, t] = await readTogether(
    itemOf(student, { studioId: studio.studioId, studentId: request.studentId }),
    itemOf(teacher, { studioId: studio.studioId, teacherId: request.teacherId }),
  );
  const to = uniqueEmails([t?.email, ...(await staffEmails(studio.studioId))]);
  const email = rescheduleRequestedMessage({
    studioName: studio.name,
    studentName: fullName(s),
    teacherName: t ? fullName(t) : "their teacher",
    timeZone: studio.timeZone,
    original: { start: request.originalStart, end: request.originalEnd },
    proposed: { start: request.proposedStart, end: request.proposedEnd },
    ...(request.message ? { message: request.message } : {}),
    url: workspaceUrl(studio.studioId, `/requests/reschedules/${encodeURIComponent(request.requestId)}`),
  });
  return messages(studio, "requested", request, to, email);
}

/**
 * The emails telling the student (when they have an email) and their family's guardians that the
 * request was approved or rejected, linking to the studio's public page (and, for a moved private
 * lesson, to "Can't make it?" / "Ask to move it" at its new time); enqueued with the review (outbox).
 */
export async function reviewedNotices(
  studio: StudioRecord,
  request: RescheduleRequestRecord,
  outcome: "approved" | "rejected",
  moved?: LessonRecord,
): Promise<OutboxEmail[]> {
  const { data: s } = await scheduleDb().entities.student.get({ studioId: studio.studioId, studentId: request.studentId }).go();
  if (!s) return [];
  const [to, people] = await Promise.all([
    familyEmails(studio.studioId, s).then((all) => all.slice(0, MAX_RECIPIENTS)),
    moved ? lessonPeople(studio.studioId, moved.studentIds, [moved.teacherId]) : undefined,
  ]);
  const noInvites = moved ? await optedOutAmong(studio.studioId, to, "calendar-invites") : new Set<string>();
  const email = (address: string) => {
    const links = moved ? lessonLinks(studio, moved, address) : [];
    const calendar =
      moved && people && !noInvites.has(address.trim().toLowerCase())
        ? lessonInvite(studio, moved, people, "REQUEST", { name: address, email: address })
        : undefined;
    const message = rescheduleReviewedMessage({
      outcome,
      studioName: studio.name,
      studentName: fullName(s),
      timeZone: studio.timeZone,
      original: { start: request.originalStart, end: request.originalEnd },
      proposed: { start: request.proposedStart, end: request.proposedEnd },
      ...(request.reviewNote ? { note: request.reviewNote } : {}),
      url: studioPublicUrl(studio.slug),
      ...(links.length ? { links } : {}),
    });
    return calendar ? { ...message, calendar } : message;
  };
  // Each address gets its own links (bound to it) and invitation for the lesson at its new time.
  return to.flatMap((address) => messages(studio, outcome, request, [address], email(address)));
}
