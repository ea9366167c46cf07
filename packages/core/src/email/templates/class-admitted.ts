import { renderActionEmail, type RenderedEmail } from "./layout";
import { quotedName } from "./subject-text";

export interface ClassAdmittedEmail {
  studioName: string;
  greetingName: string;
  studentName: string;
  courseName: string;
  /** "Tuesdays at 16:00". */
  when: string;
  /** The first class's date and the term's last, in words on the studio's clock. */
  firstClass: string;
  termEnd: string;
  /** Classes this term from now. */
  classCount: number;
  /** "10-class term: 10 classes, valid 90 days". */
  plan: string;
  where?: string;
  studioContact?: string;
  /** The first class in the family portal. */
  url: string;
}

/** To the family: a student has a seat in a group class (admitted by the studio, or a waitlist offer claimed). */
export function classAdmittedMessage(input: ClassAdmittedEmail): RenderedEmail {
  return renderActionEmail({
    subject: `${input.studentName} has a seat in ${input.courseName} — ${quotedName(input.studioName)}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${input.studentName} is enrolled in ${input.courseName}, ${input.when}: ${input.classCount} ${input.classCount === 1 ? "class" : "classes"} from ${input.firstClass} to ${input.termEnd}.`,
      `Plan: ${input.plan}. Each class attended uses one; we email you when 4 are left.`,
      ...(input.where ? [`Where: ${input.where}`] : []),
    ],
    action: { label: "See the first class", url: input.url },
    footer: `You receive this because ${input.studentName} takes classes at ${input.studioName}.${input.studioContact ? ` Questions? Contact ${input.studioName}: ${input.studioContact}.` : ""}`,
  });
}
