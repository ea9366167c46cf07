import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";

export interface LessonBookedEmail {
  kind: "booked" | "moved";
  studioName: string;
  greetingName: string;
  /** The lesson's students this recipient is about. */
  studentNames: string[];
  teacherName: string;
  /** lessonTimeWords of the lesson (its new time when moved). */
  when: string;
  /** When moved: where it was. */
  previousWhen?: string;
  where?: string;
  /** "Can't make it?" / "Ask to move it" for this recipient (none for a group lesson). */
  links: EmailLink[];
  /** The studio's public page (its contact details). */
  studioUrl: string;
  calendar?: RenderedEmail["calendar"];
  /** With an invitation: the link that stops invitations from this studio (the email itself is essential). */
  stopInvites?: EmailLink;
}

/** A lesson booked or moved, to a student or a guardian, with the calendar invitation and the links to answer it. */
export function lessonBookedMessage(input: LessonBookedEmail): RenderedEmail {
  const whose = input.studentNames.length === 1 ? `${input.studentNames[0]}'s lesson` : `The lesson of ${input.studentNames.join(" and ")}`;
  const headline =
    input.kind === "booked"
      ? `${whose} with ${input.teacherName} is booked for ${input.when}.`
      : `${whose} with ${input.teacherName} has moved to ${input.when}.`;
  const email = renderActionEmail({
    subject: `${input.kind === "booked" ? "Lesson booked" : "Lesson moved"}: ${input.when}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      headline,
      ...(input.previousWhen ? [`It was on ${input.previousWhen}.`] : []),
      ...(input.where ? [`Where: ${input.where}`] : []),
      ...(input.calendar ? ["It is attached as a calendar invitation: your calendar app adds it, and updates it if the lesson changes."] : []),
      input.links.length > 0
        ? "Can't make it, or need another time? Use the buttons below: before you confirm a cancellation, the page tells you what the studio's cancellation policy means for it."
        : `Can't make it? Contact ${input.studioName}.`,
    ],
    ...(input.links.length > 0
      ? { action: input.links[0]!, links: input.links.slice(1) }
      : { action: { label: `Contact ${input.studioName}`, url: input.studioUrl } }),
    footer: `You receive this because you are a student or the guardian of a student at ${input.studioName}.`,
    ...(input.calendar && input.stopInvites ? { unsubscribe: input.stopInvites } : {}),
  });
  return input.calendar ? { ...email, calendar: input.calendar } : email;
}
