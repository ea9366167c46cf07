import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";
import { localDateWords, makeupAdvice, type StudentOutcome } from "./lesson-cancelled";
import { quotedName } from "./subject-text";

export interface ClosedLesson extends StudentOutcome {
  /** lessonTimeWords of the lesson. */
  when: string;
  teacherName: string;
}

export interface ClosureEmail {
  studioName: string;
  greetingName: string;
  closure: { startDate: string; endDate: string; reason: string };
  /** Every lesson of the recipient's (or their children's) cancelled by the closure, in time order. */
  lessons: ClosedLesson[];
  url: string;
}

/** A "Book a make-up" button per credit the closure earned (each labelled with whose lesson and when), else the studio's page. */
function bookingActions(input: ClosureEmail): { action: EmailLink; links: EmailLink[] } {
  const [first, ...rest] = input.lessons.flatMap((l) => (l.makeup ? [l.makeup] : []));
  return first ? { action: first, links: rest } : { action: { label: `Contact ${input.studioName}`, url: input.url }, links: [] };
}

/** One email per student or family for a studio closure, listing all their cancelled lessons. */
export function closureLessonsCancelledMessage(input: ClosureEmail): RenderedEmail {
  const { closure } = input;
  const dates =
    closure.startDate === closure.endDate
      ? `on ${localDateWords(closure.startDate)}`
      : `from ${localDateWords(closure.startDate)} to ${localDateWords(closure.endDate)}`;
  const count = input.lessons.length === 1 ? "this lesson is" : `these ${input.lessons.length} lessons are`;
  return renderActionEmail({
    subject: `${quotedName(input.studioName)} is closed ${dates}: ${input.lessons.length === 1 ? "1 lesson" : `${input.lessons.length} lessons`} cancelled`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${input.studioName} is closed ${dates} (${closure.reason}), so ${count} cancelled:`,
      ...input.lessons.map((l) => `• ${l.when}: ${l.studentName} with ${l.teacherName} — ${l.explanation}.`),
      makeupAdvice(input.studioName, input.lessons),
    ],
    ...bookingActions(input),
    footer: `You receive this because you are a student or the guardian of a student at ${input.studioName}.`,
  });
}
