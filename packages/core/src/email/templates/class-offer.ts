import { renderActionEmail, type RenderedEmail } from "./layout";
import { quotedName } from "./subject-text";

export interface ClassOfferEmail {
  studioName: string;
  greetingName: string;
  studentName: string;
  courseName: string;
  /** "Tuesdays at 16:00". */
  when: string;
  /** "Thu 5 Dec, 16:00 (Australia/Sydney)": until when the seat is held. */
  claimBy: string;
  studioContact?: string;
  /** The signed offer page (claim or decline there). */
  url: string;
}

/** To the family first in line: a seat is free in a class they wait for, held for them until a deadline. */
export function classOfferMessage(input: ClassOfferEmail): RenderedEmail {
  return renderActionEmail({
    subject: `A seat is free for ${input.studentName} in ${input.courseName} — ${quotedName(input.studioName)}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `A seat has come free in ${input.courseName} (${input.when}) and ${input.studentName} is next on the waitlist.`,
      `We hold it for you until ${input.claimBy}. Claim it to enrol ${input.studentName}, or let us know you no longer need it so the next family can have it.`,
    ],
    action: { label: "Claim the seat", url: input.url },
    footer: `You receive this because ${input.studentName} is on a waitlist at ${input.studioName}.${input.studioContact ? ` Questions? Contact ${input.studioName}: ${input.studioContact}.` : ""}`,
  });
}
