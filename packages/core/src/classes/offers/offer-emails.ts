import { notice, portalPath } from "../../notifications";
import { classAdmittedMessage, classOfferMessage, classesLeftMessage, emailBrand, shortInstantWords } from "../../email";
import { config } from "../../kernel/config";
import type { OutboxEmail } from "../../outbox";
import type { StudentRecord } from "../../people/module";
import type { StudioRecord } from "../../studios/module";
import type { StudentContact } from "../../people";
import type { ClassSlotRecord } from "../class-slot.entity";
import type { CoursePlanRecord } from "../course.entity";
import { offerUrl, signOfferToken } from "./offer-token";

const WEEKDAYS = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];
/** "Tuesdays at 16:00". */
export const slotWhen = (slot: Pick<ClassSlotRecord, "weekday" | "startTime">) => `${WEEKDAYS[slot.weekday - 1]} at ${slot.startTime}`;
const contactOf = (studio: StudioRecord) => [studio.email, studio.phone].filter(Boolean).join(", ");

function instantWords(instant: string, timeZone: string) {
  return `${shortInstantWords(instant, timeZone)} (${timeZone})`;
}

/** "A seat is free" to each contact, each with its own signed link bound to their address; one message id per offer and address. */
export function offerEmails(
  studio: StudioRecord,
  slot: ClassSlotRecord,
  student: StudentRecord,
  offer: { offerId: string; claimBy: string },
  contacts: StudentContact[],
): OutboxEmail[] {
  const studioContact = contactOf(studio);
  return contacts.map((contact) => ({
    scope: studio.studioId,
    messageId: `class-offer#${offer.offerId}#${contact.email.toLowerCase()}`,
    to: contact.email,
    brand: emailBrand(studio),
    notice: notice(studio, "admissions", `class-offer:${offer.offerId}`),
    email: classOfferMessage({
      studioName: studio.name,
      greetingName: contact.greetingName,
      studentName: student.firstName,
      courseName: slot.courseName,
      when: slotWhen(slot),
      claimBy: instantWords(offer.claimBy, studio.timeZone),
      ...(studioContact ? { studioContact } : {}),
      url: offerUrl(
        studio.slug,
        signOfferToken({
          studioId: studio.studioId,
          slotId: slot.slotId,
          studentId: student.studentId,
          offerId: offer.offerId,
          email: contact.email,
          expiresAt: Math.floor(Date.parse(offer.claimBy) / 1000),
        }),
      ),
    }),
  }));
}

/** "4 classes left" or "renew" (0) to each contact; one message id per seat, count and address (each goes once). */
export function classesLeftEmails(
  studio: StudioRecord,
  slot: Pick<ClassSlotRecord, "slotId" | "courseName">,
  student: StudentRecord,
  classesLeft: number,
  contacts: StudentContact[],
): OutboxEmail[] {
  const studioContact = contactOf(studio);
  return contacts.map((contact) => ({
    scope: studio.studioId,
    messageId: `classes-left#${slot.slotId}#${student.studentId}#${classesLeft}#${contact.email.toLowerCase()}`,
    to: contact.email,
    brand: emailBrand(studio),
    notice: notice(studio, "admissions", `class:${slot.slotId}:${student.studentId}`, { link: portalPath(studio.studioId, "calendar") }),
    email: classesLeftMessage({
      studioName: studio.name,
      greetingName: contact.greetingName,
      studentName: student.firstName,
      courseName: slot.courseName,
      classesLeft,
      ...(studioContact ? { studioContact } : {}),
      url: `${config().webUrl}/${encodeURIComponent(studio.slug)}`,
    }),
  }));
}

/** "Wed 9 Dec 2026": an instant's date on the studio's clock, or a local date as it is. */
const dateWords = (instantOrDate: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: instantOrDate.length === 10 ? "UTC" : timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(new Date(instantOrDate.length === 10 ? `${instantOrDate}T12:00:00Z` : instantOrDate));

/** The first class in the family portal (its page asks a family without an account to sign in). */
const portalLessonUrl = (studioId: string, lessonId: string) =>
  `${config().webUrl}/portal/studios/${encodeURIComponent(studioId)}/lessons/${encodeURIComponent(lessonId)}`;

/** "You have a seat" to each contact of a student admitted (or who claimed an offer); one message id per seat and address. */
export function admittedEmails(
  studio: StudioRecord,
  seat: { slot: ClassSlotRecord; student: StudentRecord; plan: CoursePlanRecord; lessons: { lessonId: string; scheduledStart: string }[] },
  contacts: StudentContact[],
): OutboxEmail[] {
  const { slot, student, plan, lessons } = seat;
  const first = lessons[0];
  if (!first) return [];
  const studioContact = contactOf(studio);
  return contacts.map((contact) => ({
    scope: studio.studioId,
    messageId: `class-admitted#${slot.slotId}#${student.studentId}#${first.lessonId}#${contact.email.toLowerCase()}`,
    to: contact.email,
    brand: emailBrand(studio),
    notice: notice(studio, "admissions", `class:${slot.slotId}:${student.studentId}`, { link: portalPath(studio.studioId, "calendar") }),
    email: classAdmittedMessage({
      studioName: studio.name,
      greetingName: contact.greetingName,
      studentName: student.firstName,
      courseName: slot.courseName,
      when: slotWhen(slot),
      firstClass: dateWords(first.scheduledStart, studio.timeZone),
      termEnd: dateWords(slot.termEnd, studio.timeZone),
      classCount: lessons.length,
      plan: `${plan.name} (${plan.classCount} classes, valid ${plan.validityDays} days)`,
      ...(slot.roomName ? { where: slot.roomName } : {}),
      ...(studioContact ? { studioContact } : {}),
      url: portalLessonUrl(studio.studioId, first.lessonId),
    }),
  }));
}
