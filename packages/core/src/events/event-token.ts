import { config } from "../kernel/config";
import { AppError } from "../kernel/errors";
import { openPayload, signPayload } from "../kernel/keys/signed-payload";

/** An event's RSVP link: the studio, the event, the respondent (a party key or `email:<address>`) and until when it works (epoch seconds). */
export interface EventLinkClaims {
  studioId: string;
  eventId: string;
  respondent: string;
  expiresAt: number;
}

interface Payload {
  s: string;
  ev: string;
  r: string;
  e: number;
}

export const signEventToken = (c: EventLinkClaims) =>
  signPayload("event-rsvp", { s: c.studioId, ev: c.eventId, r: c.respondent, e: c.expiresAt } satisfies Payload);

/** The signed page an event's email opens: `/<studio>/act/event/<token>`, with the answer its button chose (`?answer=yes`). */
export const eventActionUrl = (slug: string, token: string, answer?: string) =>
  `${config().webUrl}/${encodeURIComponent(slug)}/act/event/${token}${answer ? `?answer=${answer}` : ""}`;

/** A link works until the event ends, and a day more (so "see you there" still opens). */
export const linkExpiry = (endsAt: string) => Math.floor(Date.parse(endsAt) / 1000) + 86_400;

const strings = (p: Partial<Payload>) => [p.s, p.ev, p.r].every((v) => typeof v === "string" && v.length > 0 && v.length <= 400);

/** The link's claims; a forged or garbled link is 404 and a lapsed one 410, before any read. */
export function readEventToken(token: string, now = Date.now()): EventLinkClaims {
  const p = token.length <= 2_000 ? openPayload<Payload>("event-rsvp", token) : null;
  if (!p || !strings(p) || typeof p.e !== "number")
    throw new AppError("link.invalid", "This link is not valid: open the latest email from the studio, or contact them");
  if (p.e * 1000 <= now) throw new AppError("link.expired", "This event is over: its link no longer works");
  return { studioId: p.s!, eventId: p.ev!, respondent: p.r!, expiresAt: p.e };
}
