import { renderActionEmail, type EmailLink } from "./layout";
import { lessonTimeText } from "./reschedule-when";
import { subjectText } from "./subject-text";

export interface RescheduleReviewedInput {
  outcome: "approved" | "rejected";
  studioName: string;
  studentName: string;
  timeZone: string;
  original: { start: string; end: string };
  proposed: { start: string; end: string };
  note?: string;
  url: string;
  /** For a moved lesson: "Can't make it?" / "Ask to move it" at its new time. */
  links?: EmailLink[];
}

/** To the student and their family's guardians: the request to move a lesson was approved (the lesson moved) or rejected. */
export function rescheduleReviewedMessage(input: RescheduleReviewedInput) {
  const from = lessonTimeText(input.original.start, input.original.end, input.timeZone);
  const to = lessonTimeText(input.proposed.start, input.proposed.end, input.timeZone);
  const approved = input.outcome === "approved";
  const outcome = approved
    ? [`${input.studioName} approved the request to move ${input.studentName}'s lesson.`, `The lesson is now on ${to}.`, `It was on ${from}.`]
    : [`${input.studioName} could not move ${input.studentName}'s lesson to ${to}.`, `The lesson stays on ${from}.`];
  return renderActionEmail({
    subject: approved ? `Lesson moved: ${subjectText(input.studentName)}'s lesson` : `Reschedule request declined: ${subjectText(input.studentName)}'s lesson`,
    greeting: "Hello,",
    paragraphs: [...outcome, ...(input.note ? [`Their note: ${input.note}`] : [])],
    action: { label: `Visit ${input.studioName}`, url: input.url },
    ...(input.links ? { links: input.links } : {}),
    footer: `You receive this as ${input.studentName} or a guardian in their family at ${input.studioName}.`,
  });
}
