import { renderActionEmail, type RenderedEmail } from "./layout";
import { quotedName } from "./subject-text";

interface SuspensionEmail {
  studioName: string;
  greetingName: string;
  /** The studio's workspace (or, while an invoice is still unpaid, its billing page). */
  url: string;
}

const footer = (studioName: string) => `You receive this because you own ${studioName} on StudioSync.`;

/** StudioSync's operators suspended the studio: its workspace is read-only until they lift it. */
export function studioSuspendedMessage(input: SuspensionEmail & { reason: string }): RenderedEmail {
  return renderActionEmail({
    subject: `${quotedName(input.studioName)} is suspended on StudioSync`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `StudioSync has suspended ${input.studioName}. The reason given: ${input.reason}`,
      "Until the suspension is lifted the studio's workspace is read-only: you can look everything up and export your data, but nothing can be booked, changed or sent from it. Families' pages, emails and reminders go on as usual.",
      "If you think this is a mistake, or to have it lifted, reply to this email or contact StudioSync support.",
    ],
    action: { label: "Open the workspace", url: input.url },
    footer: footer(input.studioName),
  });
}

/** The suspension is lifted: everything is back on, unless an unpaid invoice still pauses the studio. */
export function studioUnsuspendedMessage(input: SuspensionEmail & { stillUnpaid: boolean }): RenderedEmail {
  return renderActionEmail({
    subject: input.stillUnpaid
      ? `${quotedName(input.studioName)}'s suspension is lifted: an unpaid StudioSync invoice still pauses it`
      : `${quotedName(input.studioName)} is active again on StudioSync`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: input.stillUnpaid
      ? [
          `StudioSync has lifted the suspension of ${input.studioName}.`,
          "Its workspace stays read-only for now, because a StudioSync invoice is still unpaid. Paying it turns everything back on at once.",
        ]
      : [`StudioSync has lifted the suspension of ${input.studioName}: its workspace works as before, and everyone can book, change and send again.`],
    action: input.stillUnpaid ? { label: "Pay the invoice", url: input.url } : { label: "Open the workspace", url: input.url },
    footer: footer(input.studioName),
  });
}
