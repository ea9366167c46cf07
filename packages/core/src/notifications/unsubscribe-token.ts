import { AppError } from "../kernel/errors";
import { openPayload, signPayload } from "../kernel/keys/signed-payload";
import { NOTIFICATION_TYPES, type NotificationType } from "./notification-types";

/**
 * The token of an unsubscribe link: the studio, the address and the type, signed under its own
 * key purpose. It does not expire (a years-old email's link must still work, RFC 8058) and may be
 * used again: unsubscribing is idempotent and resubscribing is offered on the same page.
 */
interface UnsubscribePayload {
  s: string;
  a: string;
  t: NotificationType;
}

export interface UnsubscribeSubject {
  studioId: string;
  email: string;
  type: NotificationType;
}

export const signUnsubscribeToken = (studioId: string, email: string, type: NotificationType) =>
  signPayload("unsubscribe", { s: studioId, a: email.trim().toLowerCase(), t: type } satisfies UnsubscribePayload);

export function readUnsubscribeToken(token: string): UnsubscribeSubject {
  const parsed = openPayload<UnsubscribePayload>("unsubscribe", token);
  if (!parsed || typeof parsed.s !== "string" || typeof parsed.a !== "string" || !NOTIFICATION_TYPES.includes(parsed.t as NotificationType)) {
    throw new AppError("invalid_token", "This unsubscribe link is not valid. Use the link from the email, or sign in to change your preferences.");
  }
  return { studioId: parsed.s, email: parsed.a, type: parsed.t as NotificationType };
}
