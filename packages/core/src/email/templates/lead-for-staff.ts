import { renderActionEmail, type RenderedEmail } from "./layout";

export interface LeadForStaffEmail {
  studioName: string;
  /** "booked a trial", "sent an enquiry", "cancelled their trial". */
  event: "trial_booked" | "enquiry" | "trial_cancelled";
  studentName: string;
  contactName: string;
  contact: string;
  /** The trial's time and teacher, for a booking or a cancellation. */
  trial?: { when: string; teacherName: string };
  details: string[];
  /** The lead in the workspace. */
  url: string;
}

const HEADLINES: Record<LeadForStaffEmail["event"], (e: LeadForStaffEmail) => string> = {
  trial_booked: (e) => `${e.contactName} booked a trial lesson for ${e.studentName} with ${e.trial?.teacherName} on ${e.trial?.when}.`,
  enquiry: (e) => `${e.contactName} sent an enquiry about lessons for ${e.studentName}.`,
  trial_cancelled: (e) =>
    `${e.contactName} cancelled ${e.studentName}'s trial lesson with ${e.trial?.teacherName} on ${e.trial?.when}; the time is free again.`,
};
const SUBJECTS: Record<LeadForStaffEmail["event"], string> = {
  trial_booked: "New trial booking",
  enquiry: "New enquiry",
  trial_cancelled: "Trial cancelled",
};

/** A lead's news from the public page, to the studio's owners and admins (and the trial's teacher). */
export function leadForStaffMessage(input: LeadForStaffEmail): RenderedEmail {
  return renderActionEmail({
    subject: `${SUBJECTS[input.event]}: ${input.studentName}`,
    greeting: "Hello,",
    paragraphs: [HEADLINES[input.event](input), `Contact: ${input.contact}`, ...input.details],
    action: { label: "Open the lead", url: input.url },
    footer: `You receive this as staff of ${input.studioName}.`,
  });
}
