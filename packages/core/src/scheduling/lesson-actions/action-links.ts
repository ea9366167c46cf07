import { config } from "../../kernel/config";
import type { EmailLink } from "../../email";
import { addDays, startOfLocalDay } from "../../kernel/time/wall-clock";
import { signActionToken, type LessonAction } from "./action-token";

interface LinkStudio {
  studioId: string;
  slug: string;
  timeZone: string;
}

/** The action page of a link: `/<studio>/act/<action>/<token>` on the site. */
const actionUrl = (studio: LinkStudio, action: LessonAction, token: string) => `${config().webUrl}/${encodeURIComponent(studio.slug)}/act/${action}/${token}`;

/**
 * What a lesson's links (and replies to its email) act with for one recipient: the lesson at its
 * current time, its one student and the address, valid until it starts. None for a group lesson
 * (it goes ahead for the others) or one that is not still to come.
 */
export function lessonClaims(studio: LinkStudio, lesson: { lessonId: string; scheduledStart: string; studentIds: string[]; status: string }, email: string) {
  const [studentId] = lesson.studentIds;
  if (lesson.studentIds.length !== 1 || !studentId || lesson.status !== "scheduled") return null;
  return {
    studioId: studio.studioId,
    lessonId: lesson.lessonId,
    studentId,
    email,
    version: lesson.scheduledStart,
    expiresAt: Math.floor(Date.parse(lesson.scheduledStart) / 1000),
  };
}

/**
 * The links a lesson email carries for one recipient: "Can't make it?" and "Ask to move it", each
 * bound to the lesson's current time and the recipient's address, valid until the lesson starts.
 * Only a private lesson still to come has them (a group lesson goes ahead for the others).
 */
export function lessonLinks(
  studio: LinkStudio,
  lesson: { lessonId: string; scheduledStart: string; studentIds: string[]; status: string },
  email: string,
): EmailLink[] {
  const claims = lessonClaims(studio, lesson, email);
  if (!claims) return [];
  return [
    { label: "Can't make it?", url: actionUrl(studio, "cancel", signActionToken({ ...claims, action: "cancel" })) },
    { label: "Ask to move it", url: actionUrl(studio, "move", signActionToken({ ...claims, action: "move" })) },
  ];
}

/** "Claim this slot": a freed slot's link for one recipient and one of their students' credits, valid until the slot starts. */
export function claimLink(
  studio: LinkStudio,
  offer: { offerId: string; start: string },
  credit: { creditId: string; studentId: string },
  email: string,
  label: string,
): EmailLink {
  const token = signActionToken({
    action: "claim",
    studioId: studio.studioId,
    lessonId: offer.offerId,
    studentId: credit.studentId,
    email,
    version: offer.start,
    creditId: credit.creditId,
    expiresAt: Math.floor(Date.parse(offer.start) / 1000),
  });
  return { label, url: actionUrl(studio, "claim", token) };
}

/** "Book your make-up": the credit's link for one recipient, valid to the end of the credit's last day. */
export function makeupLink(
  studio: LinkStudio,
  credit: { creditId: string; studentId: string; sourceLessonId: string; expiresOn: string },
  email: string,
): EmailLink {
  const token = signActionToken({
    action: "makeup",
    studioId: studio.studioId,
    lessonId: credit.sourceLessonId,
    studentId: credit.studentId,
    email,
    version: credit.expiresOn,
    creditId: credit.creditId,
    expiresAt: Math.floor(startOfLocalDay(addDays(credit.expiresOn, 1), studio.timeZone).getTime() / 1000),
  });
  return { label: "Book your make-up", url: actionUrl(studio, "makeup", token) };
}
