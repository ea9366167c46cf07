import { logFailure } from "../../accounts/log-failure";
import { sendEmail } from "../../email/ses";
import { lessonCancelledMessage, lessonTimeWords } from "../../email/templates/lesson-cancelled";
import type { StudioRecord } from "../../studios/studio-view";
import { lessonPeople, studioDashboardUrl } from "./lesson-recipients";
import type { PlannedCancellation } from "./plan-cancellation";

/**
 * Emails each affected student (with an email) and their family's guardians once: the lesson in
 * the studio's local time, the reason, the policy's outcome and how to book a make-up. Sent after
 * the cancellation committed; a failed send is logged, not undone.
 */
export async function notifyCancellation(studio: Pick<StudioRecord, "studioId" | "name" | "timeZone">, planned: PlannedCancellation): Promise<void> {
  const lesson = planned.next;
  const cancellation = lesson.cancellation!;
  const people = await lessonPeople(studio.studioId, lesson.studentIds, [lesson.teacherId]);
  const when = lessonTimeWords(lesson.scheduledStart, lesson.scheduledEnd, studio.timeZone);
  await Promise.all(
    people.recipients.map((recipient) => {
      const outcomes = recipient.studentIds.map((studentId) => {
        const { decision, credit } = planned.outcomes.get(studentId)!;
        return {
          studentName: people.students.get(studentId)?.name ?? "The student",
          explanation: decision.explanation,
          ...(credit ? { creditExpiresOn: credit.expiresOn } : {}),
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
        url: studioDashboardUrl(studio.studioId),
      });
      return sendEmail(recipient.email, message).catch((error) => logFailure("lesson cancelled email", error));
    }),
  );
}
