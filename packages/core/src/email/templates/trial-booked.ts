import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";

export interface TrialBookedEmail {
  studioName: string;
  contactName: string;
  studentName: string;
  teacherName: string;
  /** lessonTimeWords of the trial (the studio's clock). */
  when: string;
  /** "Free", or its price in the studio's currency. */
  price: string;
  where?: string;
  /** The signed page where the booking is seen and cancelled. */
  manage: EmailLink;
  calendar?: RenderedEmail["calendar"];
}

/** A trial lesson booked from the studio's public page, to the person who booked it. */
export function trialBookedMessage(input: TrialBookedEmail): RenderedEmail {
  const email = renderActionEmail({
    subject: `Trial lesson booked: ${input.when}`,
    greeting: `Hi ${input.contactName},`,
    paragraphs: [
      `${input.studentName}'s trial lesson with ${input.teacherName} at ${input.studioName} is booked for ${input.when}.`,
      ...(input.where ? [`Where: ${input.where}`] : []),
      `Price: ${input.price}.`,
      ...(input.calendar ? ["It is attached as a calendar invitation: your calendar app adds it."] : []),
      "Can't make it? Cancel it from the booking page, so the time goes to someone else. The studio will be in touch about what comes next.",
    ],
    action: input.manage,
    footer: `You receive this because this address booked a trial lesson on ${input.studioName}'s page.`,
  });
  return input.calendar ? { ...email, calendar: input.calendar } : email;
}

export interface TrialCancelledEmail {
  studioName: string;
  contactName: string;
  studentName: string;
  teacherName: string;
  when: string;
  /** The teacher's page, to book another time. */
  bookAgain: EmailLink;
  calendar?: RenderedEmail["calendar"];
}

/** A trial lesson cancelled from its booking page, to the person who booked it (the calendar event removed). */
export function trialCancelledMessage(input: TrialCancelledEmail): RenderedEmail {
  const email = renderActionEmail({
    subject: `Trial lesson cancelled: ${input.when}`,
    greeting: `Hi ${input.contactName},`,
    paragraphs: [
      `${input.studentName}'s trial lesson with ${input.teacherName} on ${input.when} is cancelled.`,
      ...(input.calendar ? ["The attached update removes it from your calendar."] : []),
      "Want another time? Book again whenever suits you.",
    ],
    action: input.bookAgain,
    footer: `You receive this because this address booked a trial lesson on ${input.studioName}'s page.`,
  });
  return input.calendar ? { ...email, calendar: input.calendar } : email;
}
