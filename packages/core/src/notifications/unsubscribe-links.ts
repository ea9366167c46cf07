import { config } from "../kernel/config";
import type { NotificationType } from "./notification-types";
import { signUnsubscribeToken } from "./unsubscribe-token";

/** The branded page of an unsubscribe token (GET shows, its button POSTs). */
export const unsubscribePageUrl = (slug: string, token: string) => `${config().webUrl}/${encodeURIComponent(slug)}/unsubscribe/${token}`;

/** The page an email's "Unsubscribe" link opens. */
export const unsubscribeUrl = (studio: { studioId: string; slug: string }, email: string, type: NotificationType) =>
  unsubscribePageUrl(studio.slug, signUnsubscribeToken(studio.studioId, email, type));

/** The RFC 8058 one-click endpoint: mail clients POST `List-Unsubscribe=One-Click` to it, no login. */
export const unsubscribePostUrl = (studioId: string, email: string, type: NotificationType) =>
  `${config().apiUrl}/v1/public/unsubscribe/${signUnsubscribeToken(studioId, email, type)}`;

/**
 * The headers of a non-essential email (RFC 2369 + RFC 8058). RFC 8058 §3.1 wants exactly one
 * HTTPS URI, which mail clients POST to: the API endpoint (the site refuses cross-site POSTs). A
 * client that opens it with a GET instead is redirected to the branded page, which only shows.
 */
export function unsubscribeHeaders(studioId: string, email: string, type: NotificationType): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribePostUrl(studioId, email, type)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** What a non-essential email carries for one recipient: its one-click headers and the footer link that opens the branded page. */
export function unsubscribable(studio: { studioId: string; slug: string }, email: string, type: NotificationType) {
  return {
    headers: unsubscribeHeaders(studio.studioId, email, type),
    unsubscribe: { label: UNSUBSCRIBE_LABELS[type], url: unsubscribeUrl(studio, email, type) },
  };
}

const UNSUBSCRIBE_LABELS: Record<NotificationType, string> = {
  reminders: "Stop lesson reminders",
  "slot-offers": "Stop offers of free lesson slots",
  "calendar-invites": "Stop calendar invitations",
  materials: "Stop emails about new material",
  messages: "Stop emails about new messages",
  announcements: "Stop announcements by email",
  events: "Stop invitations to studio events",
};
