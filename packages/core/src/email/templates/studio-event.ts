import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";
import { subjectText } from "./subject-text";

/** An event as its emails tell it: what, when (in the studio's words and zone), where. */
export interface EventEmailFacts {
  studioName: string;
  greetingName: string;
  title: string;
  /** "Sat 20 Mar 2027, 19:00–20:30 (Europe/London)" */
  when: string;
  location?: string;
  description?: string;
}

const facts = (e: EventEmailFacts) => [
  `When: ${e.when}`,
  ...(e.location ? [`Where: ${e.location}`] : []),
  ...(e.description
    ? e.description
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean)
    : []),
];

type Unsubscribe = { headers: Record<string, string>; unsubscribe: EmailLink };

/** The invitation to an event's audience: one-click answers (each opens the signed page, whose button answers). */
export function eventInvitationMessage(
  e: EventEmailFacts & { answers?: { yes: EmailLink; maybe: EmailLink; no: EmailLink }; open: EmailLink; rsvpBy?: string; unsubscribe?: Unsubscribe },
): RenderedEmail {
  const email = renderActionEmail({
    subject: `You're invited: ${subjectText(e.title)}`,
    greeting: `Hi ${e.greetingName},`,
    paragraphs: [
      `${e.studioName} invites you to ${e.title}.`,
      ...facts(e),
      ...(e.answers ? [`Please let us know if you can come${e.rsvpBy ? ` by ${e.rsvpBy}` : ""}.`] : []),
    ],
    action: e.answers?.yes ?? e.open,
    links: e.answers ? [e.answers.maybe, e.answers.no] : [],
    footer: `You receive this from ${e.studioName}. Replying writes to the studio.`,
    unsubscribe: e.unsubscribe?.unsubscribe,
  });
  return { ...email, headers: e.unsubscribe?.headers };
}

/** "We have your answer" after a public RSVP, with the link to change it. */
export function eventRsvpConfirmationMessage(e: EventEmailFacts & { answerWords: string; change: EmailLink }): RenderedEmail {
  return renderActionEmail({
    subject: `Your RSVP: ${subjectText(e.title)}`,
    greeting: `Hi ${e.greetingName},`,
    paragraphs: [`Thank you: we have your answer to ${e.title}: ${e.answerWords}.`, ...facts(e)],
    action: e.change,
    footer: `You receive this because you answered an invitation of ${e.studioName}.`,
  });
}

/** The reminder before an event, to those who said yes or maybe. */
export function eventReminderMessage(e: EventEmailFacts & { answerWords: string; change: EmailLink; unsubscribe?: Unsubscribe }): RenderedEmail {
  const email = renderActionEmail({
    subject: `Reminder: ${subjectText(e.title)}`,
    greeting: `Hi ${e.greetingName},`,
    paragraphs: [`A reminder of ${e.title} at ${e.studioName}. Your answer: ${e.answerWords}.`, ...facts(e)],
    action: e.change,
    footer: `You receive this because you answered ${e.studioName}'s invitation.`,
    unsubscribe: e.unsubscribe?.unsubscribe,
  });
  return { ...email, headers: e.unsubscribe?.headers };
}

/** The event is called off (essential: no unsubscribe). */
export function eventCancelledMessage(e: EventEmailFacts & { open: EmailLink }): RenderedEmail {
  return renderActionEmail({
    subject: `Cancelled: ${subjectText(e.title)}`,
    greeting: `Hi ${e.greetingName},`,
    paragraphs: [`We're sorry: ${e.studioName} has cancelled ${e.title}.`, ...facts(e)],
    action: e.open,
    footer: `You receive this because you said you would come. Replying writes to the studio.`,
  });
}
