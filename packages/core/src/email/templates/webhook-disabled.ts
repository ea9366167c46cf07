import { renderActionEmail, type RenderedEmail } from "./layout";
import { quotedName } from "./subject-text";

export interface WebhookDisabledEmail {
  studioName: string;
  greetingName: string;
  url: string;
  failingSince: string;
  lastError: string;
  /** The endpoint's page in the workspace (its delivery log, replay, turning it back on). */
  pageUrl: string;
}

/** An owner's webhook endpoint failed every delivery attempt for a day and was turned off. */
export function webhookDisabledMessage(input: WebhookDisabledEmail): RenderedEmail {
  return renderActionEmail({
    subject: `Webhook endpoint turned off at ${quotedName(input.studioName)}: ${input.url}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `Deliveries to ${input.url} have failed since ${input.failingSince} (UTC), for over a day, so StudioSync stopped sending events there.`,
      `The last attempt got: ${input.lastError}.`,
      "Once the receiver works again, turn the endpoint back on and replay the deliveries it missed from its page.",
    ],
    action: { label: "See the endpoint", url: input.pageUrl },
    footer: `You receive this because you own ${input.studioName} on StudioSync.`,
  });
}
