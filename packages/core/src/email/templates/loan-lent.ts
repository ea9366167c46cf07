import { renderActionEmail, type RenderedEmail } from "./layout";
import { localDateWords } from "./lesson-cancelled";
import { quotedName } from "./subject-text";

export interface LoanLentEmail {
  studioName: string;
  greetingName: string;
  studentName: string;
  /** "Violin 3/4" (×2 when more than one). */
  itemName: string;
  /** Local date (studio time zone) it is due back. */
  dueDate: string;
  /** formatMoney of the deposit and the rental fee, when there are any (billed on the next invoice). */
  deposit?: string;
  fee?: string;
  studioContact?: string;
  /** The loan's page in the family portal. */
  url: string;
}

/** To the family (or the adult student): an item is lent, until when, and what it costs. */
export function loanLentMessage(input: LoanLentEmail): RenderedEmail {
  const money = [input.deposit ? `a refundable deposit of ${input.deposit}` : "", input.fee ? `a rental fee of ${input.fee}` : ""].filter(Boolean);
  return renderActionEmail({
    subject: `${input.itemName} is lent to ${input.studentName} until ${localDateWords(input.dueDate)} — ${quotedName(input.studioName)}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${input.studioName} has lent ${input.itemName} to ${input.studentName}. Please bring it back by ${localDateWords(input.dueDate)}.`,
      ...(money.length ? [`Your next invoice will include ${money.join(" and ")}. The deposit is credited back when the item is returned.`] : []),
      "We will remind you when it is due.",
    ],
    action: { label: "See the loan", url: input.url },
    footer: `You receive this because you borrow from ${input.studioName}.${input.studioContact ? ` Questions? Contact ${input.studioName}: ${input.studioContact}.` : ""}`,
  });
}
