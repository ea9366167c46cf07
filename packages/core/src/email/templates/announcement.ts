import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";
import { subjectText } from "./subject-text";

export interface AnnouncementEmail {
  studioName: string;
  greetingName: string;
  subject: string;
  body: string;
  authorName: string;
  /** Whom it went to, in words ("All families"). */
  audienceLabel: string;
  /** The announcement in the portal or the workspace. */
  open: EmailLink;
  /** None for a test sent to its author. */
  unsubscribe?: { headers: Record<string, string>; unsubscribe: EmailLink };
  /** A test-send says so in its subject. */
  test?: boolean;
}

/** An announcement from the studio, one copy per recipient (their own greeting and unsubscribe link); its subject is the announcement's. */
export function announcementMessage(input: AnnouncementEmail): RenderedEmail {
  const email = renderActionEmail({
    subject: `${input.test ? "[Test] " : ""}${subjectText(input.subject)}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      ...input.body
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean),
      `— ${input.authorName}, ${input.studioName}`,
    ],
    action: input.open,
    footer: input.test
      ? `A test of an announcement to ${input.audienceLabel}: only you received it.`
      : `You receive this as one of “${input.audienceLabel}” at ${input.studioName}. Replying writes to the studio.`,
    unsubscribe: input.unsubscribe?.unsubscribe,
  });
  return { ...email, headers: input.unsubscribe?.headers };
}
