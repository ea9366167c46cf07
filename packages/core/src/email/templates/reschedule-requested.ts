import { renderActionEmail } from "./layout";
import { lessonTimeText } from "./reschedule-when";
import { subjectText } from "./subject-text";

export interface RescheduleRequestedInput {
  studioName: string;
  studentName: string;
  teacherName: string;
  timeZone: string;
  original: { start: string; end: string };
  proposed: { start: string; end: string };
  message?: string;
  url: string;
}

/** To the lesson's teacher and the studio's admins: a student or parent asks to move a lesson. */
export function rescheduleRequestedMessage(input: RescheduleRequestedInput) {
  const from = lessonTimeText(input.original.start, input.original.end, input.timeZone);
  const to = lessonTimeText(input.proposed.start, input.proposed.end, input.timeZone);
  return renderActionEmail({
    subject: `Reschedule request: ${subjectText(input.studentName)}'s lesson`,
    greeting: "Hello,",
    paragraphs: [
      `${input.studentName} asks to move their lesson with ${input.teacherName} at ${input.studioName}.`,
      `From: ${from}`,
      `To: ${to}`,
      ...(input.message ? [`Their message: ${input.message}`] : []),
      "An admin or the lesson's teacher can approve it (the new time is checked for conflicts then) or reject it.",
    ],
    action: { label: "Review the request", url: input.url },
    footer: `You receive this as a teacher or administrator of ${input.studioName}.`,
  });
}
