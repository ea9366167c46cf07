import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";
import { subjectText } from "./subject-text";

export interface NoticeDigestEmail {
  studioName: string;
  greetingName: string;
  /** The day's notices, oldest first: what each says, how many it stands for. */
  items: { title: string; count: number }[];
  /** The notification centre. */
  open: EmailLink;
  /** The preferences page, where the digest was chosen. */
  preferences: EmailLink;
}

const LISTED = 20;

/** The daily digest: everything a person chose to get once a day from a studio, in one email. */
export function noticeDigestMessage(input: NoticeDigestEmail): RenderedEmail {
  const total = input.items.length;
  const listed = input.items.slice(0, LISTED).map((i) => `• ${i.title}${i.count > 1 ? ` (${i.count})` : ""}`);
  const more = total > LISTED ? [`…and ${total - LISTED} more.`] : [];
  return renderActionEmail({
    subject: `Your day at ${subjectText(input.studioName)}: ${total === 1 ? subjectText(input.items[0]!.title) : `${total} updates`}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [`Here is what happened at ${input.studioName} since your last digest:`, ...listed, ...more],
    action: input.open,
    footer: `You receive this digest once a day because you chose it for some notices from ${input.studioName}.`,
    unsubscribe: input.preferences,
  });
}
