import { emailBrand, lessonCancelledMessage, lessonTimeWords, type BrandedStudio } from "../../email";
import type { OutboxEmail } from "../../outbox";
import type { StudioRecord } from "../../studios/module";
import { studioPublicUrl } from "../../studios";
import { makeupLink } from "../lesson-actions/action-links";
import { notice, optedOutAmong, portalPath } from "../../notifications";
import { lessonInvite } from "../lesson-notices/lesson-invite";
import { lessonPeople } from "./lesson-recipients";
import type { PlannedCancellation } from "./plan-cancellation";

/**
 * The email to each affected student (with an email) and their family's guardians, once: the
 * lesson in the studio's local time, the reason, the policy's outcome and, for each credit it
 * earned, a signed "Book your make-up" link for that recipient (else the studio's public page),
 * and the calendar invitation's cancellation (iMIP CANCEL).
 * Enqueued in the cancellation's transaction (outbox).
 */
export async function cancellationNotices(
  studio: Pick<StudioRecord, "studioId" | "timeZone" | "slug"> & BrandedStudio,
  planned: PlannedCancellation,
): Promise<OutboxEmail[]> {
  const lesson = planned.next;
  const cancellation = lesson.cancellation!;
  const people = await lessonPeople(studio.studioId, lesson.studentIds, [lesson.teacherId]);
  const noInvites = await optedOutAmong(
    studio.studioId,
    people.recipients.map((r) => r.email),
    "calendar-invites",
  );
  const when = lessonTimeWords(lesson.scheduledStart, lesson.scheduledEnd, studio.timeZone);
  // The calendar's copy is cancelled as of the cancellation (a later revision than the last invitation).
  const revised = { ...lesson, updatedAt: cancellation.at };
  return people.recipients.map((recipient): OutboxEmail => {
    const outcomes = recipient.studentIds.map((studentId) => {
      const { decision, credit } = planned.outcomes.get(studentId)!;
      return {
        studentName: people.students.get(studentId)?.name ?? "The student",
        explanation: decision.explanation,
        ...(credit ? { creditExpiresOn: credit.expiresOn, makeup: makeupLink(studio, credit, recipient.email) } : {}),
      };
    });
    const message = lessonCancelledMessage({
      studioName: studio.name,
      greetingName: recipient.greetingName,
      when,
      teacherName: people.teachers.get(lesson.teacherId) ?? "your teacher",
      by: cancellation.by,
      reason: cancellation.reason,
      outcomes,
      url: studioPublicUrl(studio.slug),
    });
    const calendar = noInvites.has(recipient.email.trim().toLowerCase())
      ? undefined
      : lessonInvite(studio, revised, people, "CANCEL", { name: recipient.greetingName, email: recipient.email });
    return {
      scope: studio.studioId,
      messageId: `lesson-cancelled#${lesson.lessonId}#${recipient.email.toLowerCase()}`,
      to: recipient.email,
      email: calendar ? { ...message, calendar } : message,
      brand: emailBrand(studio),
      notice: notice(studio, "lessons", `lesson:${lesson.lessonId}`, { link: portalPath(studio.studioId, "lessons", lesson.lessonId) }),
    };
  });
}
