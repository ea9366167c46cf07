import { config } from "../../kernel/config";
import { AppError } from "../../kernel/errors";
import { openPayload, signPayload } from "../../kernel/keys/signed-payload";

/** A waitlist offer's link: the studio, slot, student and offer, the address it was sent to, and its claim-by (epoch seconds). */
export interface OfferClaims {
  studioId: string;
  slotId: string;
  studentId: string;
  offerId: string;
  email: string;
  expiresAt: number;
}

interface Payload {
  s: string;
  sl: string;
  st: string;
  o: string;
  r: string;
  e: number;
}

export const signOfferToken = (c: OfferClaims) =>
  signPayload("class-offer", { s: c.studioId, sl: c.slotId, st: c.studentId, o: c.offerId, r: c.email.toLowerCase(), e: c.expiresAt } satisfies Payload);

/** The signed page a waitlist offer opens: `/<studio>/act/class-offer/<token>`. */
export const offerUrl = (slug: string, token: string) => `${config().webUrl}/${encodeURIComponent(slug)}/act/class-offer/${token}`;

const strings = (p: Partial<Payload>) => [p.s, p.sl, p.st, p.o, p.r].every((v) => typeof v === "string" && v.length > 0 && v.length <= 320);

/** The link's claims; a forged or garbled link is 404 and a lapsed one 410, before any read. */
export function readOfferToken(token: string, now = Date.now()): OfferClaims {
  const p = token.length <= 2_000 ? openPayload<Payload>("class-offer", token) : null;
  if (!p || !strings(p) || typeof p.e !== "number")
    throw new AppError("link.invalid", "This link is not valid: open the latest email from the studio, or contact them");
  if (p.e * 1000 <= now)
    throw new AppError("link.expired", "This offer has lapsed: the seat went to the next family waiting. Contact the studio to wait again");
  return { studioId: p.s!, slotId: p.sl!, studentId: p.st!, offerId: p.o!, email: p.r!, expiresAt: p.e };
}
