import { logFailure } from "../../accounts/log-failure";
import { sendEmail } from "../../email/ses";
import { closureLessonsCancelledMessage, type ClosedLesson } from "../../email/templates/closure-lessons-cancelled";
import { lessonTimeWords } from "../../email/templates/lesson-cancelled";
import type { StudioRecord } from "../../studios/studio-view";
import { lessonPeople, studioDashboardUrl } from "../cancellations/lesson-recipients";
import type { PlannedCancellation } from "../cancellations/plan-cancellation";
import type { ClosureRecord } from "./closure-view";

/**
 * One email per address (a student with an email; their family's guardians, once for all their
 * children) listing every lesson of theirs the closure cancelled, in local time, with its
 * make-up outcome. Sent after the cancellations committed; a failed send is logged.
 */
export async function notifyClosure(
  studio: Pick<StudioRecord, "studioId" | "name" | "timeZone">,
  closure: Pick<ClosureRecord, "startDate" | "endDate" | "reason">,
  cancelled: PlannedCancellation[],
): Promise<void> {
  if (cancelled.length === 0) return;
  const lessons = [...cancelled].sort((a, b) => a.next.scheduledStart.localeCompare(b.next.scheduledStart));
  const people = await lessonPeople(
    studio.studioId,
    lessons.flatMap((p) => p.next.studentIds),
    lessons.map((p) => p.next.teacherId),
  );
  await Promise.all(
    people.recipients.map((recipient) => {
      const theirs = new Set(recipient.studentIds);
      const lines: ClosedLesson[] = lessons.flatMap((p) =>
        p.next.studentIds
          .filter((id) => theirs.has(id))
          .map((studentId) => {
            const { decision, credit } = p.outcomes.get(studentId)!;
            return {
              when: lessonTimeWords(p.next.scheduledStart, p.next.scheduledEnd, studio.timeZone),
              teacherName: people.teachers.get(p.next.teacherId) ?? "their teacher",
              studentName: people.students.get(studentId)?.name ?? "The student",
              explanation: decision.explanation,
              ...(credit ? { creditExpiresOn: credit.expiresOn } : {}),
            };
          }),
      );
      const message = closureLessonsCancelledMessage({
        studioName: studio.name,
        greetingName: recipient.greetingName,
        closure,
        lessons: lines,
        url: studioDashboardUrl(studio.studioId),
      });
      return sendEmail(recipient.email, message).catch((error) => logFailure("closure email", error));
    }),
  );
}
