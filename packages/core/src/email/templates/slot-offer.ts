import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";
import { subjectText } from "./subject-text";

export interface SlotOfferEmail {
  studioName: string;
  greetingName: string;
  teacherName: string;
  /** lessonTimeWords of the freed slot. */
  when: string;
  /** One "Claim this slot" link per student of the recipient holding a credit. */
  claims: EmailLink[];
  /** "Stop offers of free lesson slots" for this recipient (with the one-click headers). */
  unsubscribe: { headers: Record<string, string>; unsubscribe: EmailLink };
}

/** A freed lesson slot offered to a family holding a make-up credit with its teacher: first to claim it books it. */
export function slotOfferMessage(input: SlotOfferEmail): RenderedEmail {
  const email = renderActionEmail({
    subject: `A lesson slot with ${subjectText(input.teacherName)} is free: ${input.when}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `A lesson slot with ${input.teacherName} has just become free: ${input.when}.`,
      `You have a make-up credit with ${input.teacherName}. The first family to claim the slot books it as their make-up lesson, paid by the credit.`,
      "If another family is quicker, the page tells you and shows other free times to use the credit instead.",
    ],
    action: input.claims[0]!,
    links: input.claims.slice(1),
    footer: `You receive this because you hold a make-up credit at ${input.studioName}. Slots are offered to every family with a credit for the teacher at the same time.`,
    unsubscribe: input.unsubscribe.unsubscribe,
  });
  return { ...email, headers: input.unsubscribe.headers };
}
