import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";
import { subjectText } from "./subject-text";

export interface ThreadMessagesEmail {
  studioName: string;
  greetingName: string;
  subject: string;
  /** The unread messages, oldest first: who, when (studio time, in words), what, and the files' names. */
  messages: { senderName: string; when: string; body: string; files: string[] }[];
  /** The thread in the workspace or the portal. */
  open: EmailLink;
  unsubscribe: { headers: Record<string, string>; unsubscribe: EmailLink };
}

const LISTED = 10;

/**
 * Unread messages of one thread, in one email a few minutes after the first of them (a burst is
 * one email). Its Reply-To is the recipient's own reply address: answering it posts into the thread.
 */
export function threadMessagesMessage(input: ThreadMessagesEmail): RenderedEmail {
  const senders = [...new Set(input.messages.map((m) => m.senderName))];
  const subject =
    input.messages.length === 1
      ? `${subjectText(senders[0]!)} wrote: ${subjectText(input.subject)}`
      : `${input.messages.length} new messages: ${subjectText(input.subject)}`;
  const shown = input.messages.slice(-LISTED);
  const earlier = input.messages.length - shown.length;
  const email = renderActionEmail({
    subject,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      ...(earlier > 0 ? [`…and ${earlier} earlier message${earlier === 1 ? "" : "s"} in the conversation.`] : []),
      ...shown.flatMap((m) => [`${m.senderName}, ${m.when}:`, m.body, ...(m.files.length ? [`Attached: ${m.files.join(", ")}`] : [])]),
      "Reply to this email to answer in the conversation, or open it below.",
    ],
    action: input.open,
    footer: `You receive this because you take part in the conversation “${input.subject}” at ${input.studioName}. Only your replies from this address are posted.`,
    unsubscribe: input.unsubscribe.unsubscribe,
  });
  return { ...email, headers: input.unsubscribe.headers };
}
