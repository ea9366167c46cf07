import { closureLessonsCancelledMessage, emailBrand, lessonTimeWords, type BrandedStudio, type ClosedLesson } from "../../email";
import { lessonsInvite, makeupLink, type LessonPeople, type PlannedCancellation } from "../../scheduling";
import type { OutboxEmail } from "../../outbox";
import type { StudioRecord } from "../../studios/module";
import { studioPublicUrl } from "../../studios";
import type { ClosureRecord } from "../../scheduling/module";

/** "Tue 12 Jan" on the studio's calendar, for a button's label. */
const shortDay = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" }).format(new Date(instant));

export type ClosureStudio = Pick<StudioRecord, "studioId" | "timeZone"> & BrandedStudio;

/** How many emails a lesson's cancellation can add to its transaction: one per address concerned. */
export const noticeBound = (people: LessonPeople, studentIds: string[]) =>
  people.recipients.filter((r) => r.studentIds.some((id) => studentIds.includes(id))).length;

/**
 * One email per address (a student with an email; their family's guardians, once for all their
 * children) listing every lesson of theirs that this transaction of the closure cancels, in local
 * time, with its make-up outcome. Enqueued in that transaction (outbox); a closure that fits one
 * transaction, as nearly all do, sends each address one email. When its lessons are one calendar
 * event (a single lesson, or occurrences of one recurring series) the email carries the iMIP
 * CANCEL of them (one VEVENT per occurrence, RECURRENCE-ID each), unless the address stopped
 * invitations (`noInvites`, lower-cased): the series' other occurrences stay in the calendar.
 */
export function closureNotices(
  studio: ClosureStudio,
  closure: Pick<ClosureRecord, "closureId" | "startDate" | "endDate" | "reason">,
  cancelled: PlannedCancellation[],
  people: LessonPeople,
  noInvites: ReadonlySet<string> = new Set(),
): OutboxEmail[] {
  if (cancelled.length === 0) return [];
  const lessons = [...cancelled].sort((a, b) => a.next.scheduledStart.localeCompare(b.next.scheduledStart));
  const batch = lessons[0]!.next.lessonId;
  return people.recipients.flatMap((recipient) => {
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
            ...(credit
              ? {
                  creditExpiresOn: credit.expiresOn,
                  makeup: {
                    ...makeupLink(studio, credit, recipient.email),
                    label: `Book a make-up for ${people.students.get(studentId)?.name ?? "the student"} (${shortDay(p.next.scheduledStart, studio.timeZone)})`,
                  },
                }
              : {}),
          };
        }),
    );
    if (lines.length === 0) return [];
    const email = closureLessonsCancelledMessage({
      studioName: studio.name,
      greetingName: recipient.greetingName,
      closure,
      lessons: lines,
      url: studioPublicUrl(studio.slug),
    });
    const theirLessons = lessons
      .filter((p) => p.next.studentIds.some((id) => theirs.has(id)))
      .map((p) => ({ ...p.next, updatedAt: p.next.cancellation?.at ?? p.next.updatedAt }));
    const calendar = noInvites.has(recipient.email.trim().toLowerCase())
      ? undefined
      : lessonsInvite(studio, theirLessons, people, "CANCEL", { name: recipient.greetingName, email: recipient.email });
    return [
      {
        scope: studio.studioId,
        messageId: `closure#${closure.closureId}#${batch}#${recipient.email.toLowerCase()}`,
        to: recipient.email,
        email: calendar ? { ...email, calendar } : email,
        brand: emailBrand(studio),
      },
    ];
  });
}
