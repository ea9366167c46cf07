import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";
import { quotedName } from "./subject-text";

export interface LessonReminderInput {
  recipientFirstName: string;
  studioName: string;
  /** "Piano lesson for Sam Student with Tess Teacher" */
  lessonLine: string;
  /** "Tuesday, November 24, 2026, 4:00 PM – 4:45 PM EST (America/New_York)" */
  when: string;
  /** "Tue, Nov 24 at 4:00 PM EST" */
  shortWhen: string;
  /** Room and place, when the lesson has them. */
  where?: string;
  onlineUrl?: string;
  /** The studio's email and/or phone, when it published them. */
  studioContact?: string;
  leadHours: number;
  /** "Can't make it?" and "Ask to move it" for this recipient (none for a group lesson). */
  links: EmailLink[];
  /** The studio's public page (its contact details). */
  studioUrl: string;
  /** "Stop lesson reminders" for this recipient (with the one-click headers). */
  unsubscribe: { headers: Record<string, string>; unsubscribe: EmailLink };
}

/** The reminder a student and each guardian get before a lesson, in the studio's local time. */
export function lessonReminderMessage(input: LessonReminderInput): RenderedEmail {
  const contact = input.studioContact ? `contact ${input.studioName} (${input.studioContact})` : `contact ${input.studioName}`;
  const email = renderActionEmail({
    subject: `Reminder: lesson at ${quotedName(input.studioName)} on ${input.shortWhen}`,
    greeting: `Hi ${input.recipientFirstName},`,
    paragraphs: [
      `This is a reminder of an upcoming lesson at ${input.studioName}.`,
      `Lesson: ${input.lessonLine}`,
      `When: ${input.when}`,
      ...(input.where ? [`Where: ${input.where}`] : []),
      ...(input.onlineUrl ? [`Join online: ${input.onlineUrl}`] : []),
      input.links.length > 0
        ? `Can't make it, or need another time? Use the buttons below: before you confirm a cancellation, the page tells you what the studio's cancellation policy means for it at that moment. Or ${contact}.`
        : `Can't make it? ${contact[0]!.toUpperCase()}${contact.slice(1)}: a group lesson goes ahead for the others.`,
      // Private lessons' reminders are Reply-To a reply address of the recipient's own (reply commands).
      ...(input.links.length > 0
        ? [
            "You can also reply to this email: “confirm” tells the studio you will be there, “cancel” cancels the lesson under the same policy; anything else reaches the studio as a message.",
          ]
        : []),
    ],
    ...(input.links.length > 0
      ? { action: input.links[0]!, links: input.links.slice(1) }
      : { action: { label: `Contact ${input.studioName}`, url: input.studioUrl } }),
    footer: `You get this email because you are a student or guardian at ${input.studioName}; reminders are sent about ${input.leadHours} hours before each lesson.`,
    unsubscribe: input.unsubscribe.unsubscribe,
  });
  return { ...email, headers: input.unsubscribe.headers };
}
