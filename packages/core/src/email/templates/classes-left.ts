import { renderActionEmail, type RenderedEmail } from "./layout";
import { quotedName } from "./subject-text";

export interface ClassesLeftEmail {
  studioName: string;
  greetingName: string;
  studentName: string;
  courseName: string;
  /** 4 (running low) or 0 (time to renew). */
  classesLeft: number;
  studioContact?: string;
  /** The studio's public page with its courses. */
  url: string;
}

/** To the family: the classes left on a course plan are running low (4), or used up (0: renew). */
export function classesLeftMessage(input: ClassesLeftEmail): RenderedEmail {
  const renew = input.classesLeft === 0;
  return renderActionEmail({
    subject: renew
      ? `${input.studentName} has used every class of ${input.courseName}: time to renew — ${quotedName(input.studioName)}`
      : `${input.classesLeft} classes left for ${input.studentName} in ${input.courseName} — ${quotedName(input.studioName)}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: renew
      ? [`${input.studentName} has attended every class of their ${input.courseName} plan.`, "To keep their seat, renew the plan with the studio."]
      : [`${input.studentName} has ${input.classesLeft} classes left on their ${input.courseName} plan.`, "Renew in good time to keep their seat."],
    action: { label: renew ? "Renew with the studio" : "See the studio's courses", url: input.url },
    footer: `You receive this because ${input.studentName} takes classes at ${input.studioName}.${input.studioContact ? ` Questions? Contact ${input.studioName}: ${input.studioContact}.` : ""}`,
  });
}
