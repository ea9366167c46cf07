import { emailBrand, lessonBookedMessage, lessonTimeWords, type BrandedStudio } from "../../email";
import { notice, optedOutAmong, portalPath, unsubscribable } from "../../notifications";
import type { OutboxEmail } from "../../outbox";
import type { StudioRecord } from "../../studios/module";
import { studioPublicUrl } from "../../studios";
import { lessonPeople, type KnownPeople } from "../cancellations/lesson-recipients";
import { lessonPlace } from "../ical/lesson-event";
import { lessonLinks } from "../lesson-actions/action-links";
import type { LessonRecord } from "../lessons/lesson-view";
import { lessonInvite } from "./lesson-invite";

export type NoticeStudio = Pick<StudioRecord, "studioId" | "timeZone" | "slug"> & BrandedStudio;

/**
 * The email to each of a lesson's students (with an address) and their families' guardians when
 * it is booked or moved: when (the studio's clock), with whom, where, its calendar invitation
 * (REQUEST, unless the address stopped invitations) and their own "Can't make it?" / "Ask to move it" links. One per address and
 * revision (the message id names the revision), enqueued with the change (outbox). `known`: the
 * lesson's student and teacher records when the caller has read them.
 */
export async function lessonBookedNotices(
  studio: NoticeStudio,
  lesson: LessonRecord,
  previous?: Pick<LessonRecord, "scheduledStart" | "scheduledEnd">,
  known?: KnownPeople,
): Promise<OutboxEmail[]> {
  const people = await lessonPeople(studio.studioId, lesson.studentIds, [lesson.teacherId], known);
  const noInvites = await optedOutAmong(
    studio.studioId,
    people.recipients.map((r) => r.email),
    "calendar-invites",
  );
  const when = lessonTimeWords(lesson.scheduledStart, lesson.scheduledEnd, studio.timeZone);
  const where = lessonPlace(lesson);
  const kind = previous ? "moved" : "booked";
  return people.recipients.map((recipient): OutboxEmail => {
    const invites = !noInvites.has(recipient.email.trim().toLowerCase());
    const email = lessonBookedMessage({
      kind,
      studioName: studio.name,
      greetingName: recipient.greetingName,
      studentNames: recipient.studentIds.map((id) => people.students.get(id)?.name ?? "The student"),
      teacherName: people.teachers.get(lesson.teacherId) ?? "your teacher",
      when,
      ...(previous ? { previousWhen: lessonTimeWords(previous.scheduledStart, previous.scheduledEnd, studio.timeZone) } : {}),
      ...(where ? { where } : {}),
      links: lessonLinks(studio, lesson, recipient.email),
      studioUrl: studioPublicUrl(studio.slug),
      ...(invites
        ? {
            calendar: lessonInvite(studio, lesson, people, "REQUEST", { name: recipient.greetingName, email: recipient.email }),
            stopInvites: unsubscribable(studio, recipient.email, "calendar-invites").unsubscribe,
          }
        : {}),
    });
    return {
      scope: studio.studioId,
      messageId: `lesson-${kind}#${lesson.lessonId}#${lesson.updatedAt}#${recipient.email.toLowerCase()}`,
      to: recipient.email,
      email,
      brand: emailBrand(studio),
      notice: notice(studio, "lessons", `lesson:${lesson.lessonId}`, { link: portalPath(studio.studioId, "lessons", lesson.lessonId) }),
    };
  });
}
