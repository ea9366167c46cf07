import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";
import { subjectText } from "./subject-text";

export interface ReplyQuestionEmail {
  studioName: string;
  /** The reply's subject, to answer in the same conversation of the mail app. */
  subject: string;
  /** What the reply said (cut), quoted back. */
  said: string;
  /** The lesson's page in the portal. */
  open: EmailLink;
}

/** The answer to a reply about a lesson that could mean "cancel" or "confirm" or neither: nothing was done; say it plainly. */
export function replyQuestionMessage(input: ReplyQuestionEmail): RenderedEmail {
  return renderActionEmail({
    subject: `Re: ${subjectText(input.subject.replace(/^\s*(re|aw|sv):\s*/i, ""), 150)}`,
    greeting: "Hello,",
    paragraphs: [
      `We were not sure what you meant by “${input.said.slice(0, 300)}”, so nothing has changed.`,
      "To cancel the lesson, reply with just “cancel”. To tell the studio you will be there, reply with just “confirm”. Anything else you write reaches the studio as a message.",
    ],
    action: input.open,
    footer: `This answer comes from ${input.studioName}'s lesson emails at StudioSync.`,
  });
}
