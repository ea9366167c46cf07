import { formatMoney } from "../../billing";
import { emailBrand, lessonTimeWords, trialBookedMessage, trialCancelledMessage } from "../../email";
import { config } from "../../kernel/config";
import type { LeadRecord } from "../../leads";
import type { OutboxEmail } from "../../outbox";
import type { TeacherRecord } from "../../people/module";
import { lessonInvite } from "../../scheduling";
import type { LessonRecord } from "../../scheduling";
import type { StudioRecord } from "../../studios/module";
import { leadNewsForStaff } from "./lead-notices";
import type { BookTrialInput } from "./schemas";
import { signTrialToken } from "./trial-token";

/** A trial's booking page (the link in its emails). */
export const trialPageUrl = (studio: Pick<StudioRecord, "slug">, token: string) =>
  `${config().webUrl}/${encodeURIComponent(studio.slug)}/trials/${encodeURIComponent(token)}`;

/** A teacher's public page (to book another time). */
export const teacherPageUrl = (studio: Pick<StudioRecord, "slug">, teacherId: string) =>
  `${config().webUrl}/${encodeURIComponent(studio.slug)}/teachers/${encodeURIComponent(teacherId)}`;

const nameOf = (teacher: TeacherRecord) => `${teacher.firstName} ${teacher.lastName}`;
const calendarPeople = (teacher: TeacherRecord) => ({
  students: new Map<string, { name: string }>(),
  teachers: new Map([[teacher.teacherId, nameOf(teacher)]]),
});

/**
 * The emails a trial booking sends: the confirmation to the booker (the calendar invitation and
 * the booking page's link), and the lead to the studio's owners, admins and the teacher.
 */
export async function trialBookedNotices(
  studio: StudioRecord,
  lesson: LessonRecord & { leadId: string },
  teacher: TeacherRecord,
  input: BookTrialInput,
  priceMinor: number,
): Promise<OutboxEmail[]> {
  const when = lessonTimeWords(lesson.scheduledStart, lesson.scheduledEnd, studio.timeZone);
  const token = signTrialToken({ studioId: studio.studioId, lessonId: lesson.lessonId, email: input.contact.email }, lesson.scheduledEnd);
  const confirmation: OutboxEmail = {
    scope: studio.studioId,
    messageId: `trial-booked#${lesson.lessonId}#${input.contact.email.toLowerCase()}`,
    to: input.contact.email,
    email: trialBookedMessage({
      studioName: studio.name,
      contactName: input.contact.name,
      studentName: input.student.firstName,
      teacherName: nameOf(teacher),
      when,
      price: priceMinor > 0 ? formatMoney(priceMinor, studio.currency, studio.country) : "free",
      ...(studio.address ? { where: [studio.address, studio.city].filter(Boolean).join(", ") } : {}),
      manage: { label: "See or cancel the booking", url: trialPageUrl(studio, token) },
      calendar: lessonInvite(studio, lesson, calendarPeople(teacher), "REQUEST", { name: input.contact.name, email: input.contact.email }),
    }),
    brand: emailBrand(studio),
  };
  const staff = await leadNewsForStaff(
    studio,
    {
      event: "trial_booked",
      leadId: lesson.leadId,
      student: input.student,
      contact: input.contact,
      trial: { when, teacherName: nameOf(teacher) },
      ...(input.message ? { message: input.message } : {}),
      key: lesson.lessonId,
    },
    teacher,
  );
  return [confirmation, ...staff];
}

/** The emails a trial cancelled from its booking page sends: to the booker (the calendar event removed) and to staff. */
export async function trialCancelledNotices(
  studio: StudioRecord,
  lesson: LessonRecord,
  teacher: TeacherRecord,
  lead: LeadRecord,
  email: string,
): Promise<OutboxEmail[]> {
  const when = lessonTimeWords(lesson.scheduledStart, lesson.scheduledEnd, studio.timeZone);
  const contactName = lead.contactName;
  const toBooker: OutboxEmail = {
    scope: studio.studioId,
    messageId: `trial-cancelled#${lesson.lessonId}#${email}`,
    to: email,
    email: trialCancelledMessage({
      studioName: studio.name,
      contactName,
      studentName: lead.studentFirstName,
      teacherName: nameOf(teacher),
      when,
      bookAgain: { label: "Book another time", url: teacherPageUrl(studio, teacher.teacherId) },
      calendar: lessonInvite(studio, lesson, calendarPeople(teacher), "CANCEL", { name: contactName, email }),
    }),
    brand: emailBrand(studio),
  };
  const staff = await leadNewsForStaff(
    studio,
    {
      event: "trial_cancelled",
      leadId: lead.leadId,
      student: { firstName: lead.studentFirstName, lastName: lead.studentLastName },
      contact: { name: contactName, email, ...(lead.contactPhone ? { phone: lead.contactPhone } : {}) },
      trial: { when, teacherName: nameOf(teacher) },
      key: lesson.lessonId,
    },
    teacher,
  );
  return [toBooker, ...staff];
}
