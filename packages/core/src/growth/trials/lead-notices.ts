import { adminAddresses } from "../../access-requests";
import { emailBrand, enquiryReceivedMessage, leadForStaffMessage, type LeadForStaffEmail } from "../../email";
import type { OutboxEmail } from "../../outbox";
import type { TeacherRecord } from "../../people/module";
import { leadPageUrl } from "../../leads";
import { studioPublicUrl } from "../../studios";
import type { StudioRecord } from "../../studios/module";
import type { EnquiryInput } from "./schemas";

/** What staff are told of a lead's news from the public page. */
export interface LeadNews {
  event: LeadForStaffEmail["event"];
  leadId: string;
  student: { firstName: string; lastName: string; age?: number; instrument?: string; level?: string };
  contact: { name: string; email: string; phone?: string };
  trial?: { when: string; teacherName: string };
  availability?: string;
  message?: string;
  /** Makes the message ids of this piece of news unique (the trial lesson, the enquiry's lead and time). */
  key: string;
}

const detailsOf = (news: LeadNews) =>
  [
    news.student.age !== undefined ? `Age: ${news.student.age}` : "",
    news.student.instrument ? `Instrument: ${news.student.instrument}` : "",
    news.student.level ? `Level: ${news.student.level}` : "",
    news.availability ? `Availability: ${news.availability}` : "",
    news.message ? `Message: ${news.message}` : "",
  ].filter(Boolean);

/**
 * The studio's owners and admins, and the teacher concerned when they have an address, each told
 * once (by address) with a link to the lead in the workspace.
 */
export async function leadNewsForStaff(studio: StudioRecord, news: LeadNews, teacher?: TeacherRecord | null): Promise<OutboxEmail[]> {
  const admins = await adminAddresses(studio.studioId);
  const addresses = new Map(admins.map((a) => [a.email.toLowerCase(), a.email]));
  if (teacher?.email && !teacher.deletedAt) addresses.set(teacher.email.toLowerCase(), teacher.email);
  const email = leadForStaffMessage({
    studioName: studio.name,
    event: news.event,
    studentName: `${news.student.firstName} ${news.student.lastName}`,
    contactName: news.contact.name,
    contact: [news.contact.email, news.contact.phone].filter(Boolean).join(", "),
    ...(news.trial ? { trial: news.trial } : {}),
    details: detailsOf(news),
    url: leadPageUrl(studio.studioId, news.leadId),
  });
  return [...addresses].map(([key, to]) => ({ scope: studio.studioId, messageId: `lead-${news.event}#${news.key}#staff#${key}`, to, email }));
}

/** The acknowledgement of an enquiry, to its sender. */
export function enquiryAcknowledgement(studio: StudioRecord, input: EnquiryInput, key: string): OutboxEmail {
  return {
    scope: studio.studioId,
    messageId: `enquiry#${key}#received`,
    to: input.contact.email,
    email: enquiryReceivedMessage({
      studioName: studio.name,
      contactName: input.contact.name,
      studentName: input.student.firstName,
      studio: { label: `Visit ${studio.name}`, url: studioPublicUrl(studio.slug) },
    }),
    brand: emailBrand(studio),
  };
}
