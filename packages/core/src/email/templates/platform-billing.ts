import { renderActionEmail, type RenderedEmail } from "./layout";
import { quotedName } from "./subject-text";

interface PlatformEmail {
  studioName: string;
  greetingName: string;
  /** "November 2026" */
  monthName: string;
  /** formatMoney of the invoice's total. */
  amount: string;
  /** The studio's billing page in the workspace (its invoices, its card). */
  url: string;
}

const footer = (studioName: string) => `You receive this because you own ${studioName} on StudioSync, which bills you for what it uses each month.`;

/** The month's invoice was charged to the saved card. */
export function platformReceiptMessage(input: PlatformEmail & { number: string; card: string }): RenderedEmail {
  return renderActionEmail({
    subject: `Receipt: ${input.amount} for ${quotedName(input.studioName)} on StudioSync, ${input.monthName}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `Thank you: ${input.amount} for ${input.monthName} (invoice ${input.number}) was charged to ${input.card}.`,
      "The invoice shows the usage behind each line.",
    ],
    action: { label: "See the invoice", url: input.url },
    footer: footer(input.studioName),
  });
}

/** A charge failed (or no card is saved): what happens next and by when. */
export function platformPaymentFailedMessage(input: PlatformEmail & { reason: string; nextAttemptOn: string | null; pauseOn: string }): RenderedEmail {
  return renderActionEmail({
    subject: `Payment needed: ${input.amount} for ${quotedName(input.studioName)} on StudioSync, ${input.monthName}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `We could not collect ${input.amount} for ${input.monthName}: ${input.reason}.`,
      input.nextAttemptOn ? `We will try the saved card again on ${input.nextAttemptOn}.` : "We will not try the card again by ourselves.",
      `If it is still unpaid after ${input.pauseOn}, the studio's workspace becomes read-only until it is paid. Families' emails, reminders and pages go on as usual.`,
    ],
    action: { label: "Update the card and pay", url: input.url },
    footer: footer(input.studioName),
  });
}

/** The grace period ended unpaid: the workspace is read-only until the invoice is paid. */
export function platformPausedMessage(input: PlatformEmail): RenderedEmail {
  return renderActionEmail({
    subject: `${quotedName(input.studioName)} is paused on StudioSync: ${input.amount} unpaid`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${input.amount} for ${input.monthName} is still unpaid, so the studio's workspace is now read-only: you can see everything, but not change it.`,
      "Paying the invoice turns everything back on at once.",
    ],
    action: { label: "Pay now", url: input.url },
    footer: footer(input.studioName),
  });
}

/** This month's usage reached 80 % or 100 % of the owner's spending cap. */
export function spendingAlertMessage(input: Omit<PlatformEmail, "amount"> & { level: number; soFar: string; cap: string }): RenderedEmail {
  return renderActionEmail({
    subject: `${quotedName(input.studioName)} has reached ${input.level}% of its StudioSync spending cap`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${input.monthName} so far comes to ${input.soFar}, ${input.level}% of the ${input.cap} cap you set.`,
      "Nothing stops: lessons, emails and pages go on. The usage page shows what the month is made of, and you can change the cap there.",
    ],
    action: { label: "See the usage", url: input.url },
    footer: footer(input.studioName),
  });
}
