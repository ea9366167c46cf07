import { renderActionEmail, type RenderedEmail } from "./layout";
import { quotedName } from "./subject-text";

export interface LoanDeclinedEmail {
  studioName: string;
  greetingName: string;
  studentName: string;
  /** "Violin 3/4" (×2 when more than one). */
  itemName: string;
  /** Why, in the studio's words, when it gave one. */
  reason?: string;
  studioContact?: string;
  /** The request's page in the family portal. */
  url: string;
}

/** To the family (or the adult student): the studio can't lend what they asked for. */
export function loanDeclinedMessage(input: LoanDeclinedEmail): RenderedEmail {
  return renderActionEmail({
    subject: `${input.itemName} can't be lent this time — ${quotedName(input.studioName)}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${input.studioName} can't lend ${input.itemName} to ${input.studentName} this time.`,
      ...(input.reason ? [`Their note: “${input.reason}”`] : []),
      "You can ask for another item from the portal, or ask the studio when this one is free again.",
    ],
    action: { label: "See the request", url: input.url },
    footer: `You receive this because you asked ${input.studioName} to borrow an item.${input.studioContact ? ` Questions? Contact ${input.studioName}: ${input.studioContact}.` : ""}`,
  });
}
