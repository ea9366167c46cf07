import { AppError } from "../../kernel/errors";
import { openPayload, signPayload } from "../../kernel/keys/signed-payload";

/** A booking page link stays valid this long after the trial ends (so the email still opens it). */
const AFTER_END_SECONDS = 30 * 86_400;

export interface TrialClaims {
  studioId: string;
  lessonId: string;
  /** The address the confirmation went to (lower case). */
  email: string;
}

interface Payload {
  s: string;
  l: string;
  r: string;
  e: number;
}

/** The link of a trial's booking page: the studio, the trial lesson and the booker's address, signed, until a month after it. */
export function signTrialToken(claims: TrialClaims, end: string): string {
  const expires = Math.floor(Date.parse(end) / 1000) + AFTER_END_SECONDS;
  return signPayload("trial-booking", { s: claims.studioId, l: claims.lessonId, r: claims.email.toLowerCase(), e: expires } satisfies Payload);
}

/** The claims of a booking page link; a forged or garbled one is 404 and an expired one 410, before any read. */
export function readTrialToken(token: string, now = Date.now()): TrialClaims {
  const p = token.length <= 2_000 ? openPayload<Payload>("trial-booking", token) : null;
  const valid = p && [p.s, p.l, p.r].every((v) => typeof v === "string" && v.length > 0 && v.length <= 320) && typeof p.e === "number";
  if (!valid) throw new AppError("link.invalid", "This link is not valid: open the latest email from the studio, or contact them");
  if (p.e! * 1000 <= now) throw new AppError("link.expired", "This link has expired: contact the studio");
  return { studioId: p.s!, lessonId: p.l!, email: p.r! };
}
