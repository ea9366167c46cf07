import { randomUUID } from "node:crypto";
import { AppError } from "../../kernel/errors";
import { openPayload, signPayload } from "../../kernel/keys/signed-payload";

/** What a signed lesson link lets its recipient do (one purpose per link). */
export const LESSON_ACTIONS = ["cancel", "move", "makeup", "claim"] as const;
export type LessonAction = (typeof LESSON_ACTIONS)[number];

/**
 * The claims of a lesson link: purpose, studio, the lesson (for a make-up: the credit; for a
 * claim: the freed slot's offer and the credit that would pay for it), the
 * student it acts for and the address it was sent to (recipient-bound), the lesson's start when
 * sent (so a moved lesson's old links say so), a nonce (single use) and an expiry.
 */
export interface ActionClaims {
  action: LessonAction;
  studioId: string;
  /** The lesson the email is about (make-up: the cancelled lesson that earned the credit; claim: the offer, i.e. the freed lesson). */
  lessonId: string;
  studentId: string;
  /** Lower-cased recipient address. */
  email: string;
  /** The lesson's scheduledStart when the link was made. */
  version: string;
  creditId?: string;
  nonce: string;
  /** Epoch seconds. */
  expiresAt: number;
}

interface Payload {
  a: LessonAction;
  s: string;
  l: string;
  st: string;
  r: string;
  v: string;
  c?: string;
  n: string;
  e: number;
}

export function signActionToken(claims: Omit<ActionClaims, "nonce">): string {
  const payload: Payload = {
    a: claims.action,
    s: claims.studioId,
    l: claims.lessonId,
    st: claims.studentId,
    r: claims.email.toLowerCase(),
    v: claims.version,
    ...(claims.creditId ? { c: claims.creditId } : {}),
    n: randomUUID(),
    e: claims.expiresAt,
  };
  return signPayload("lesson-action", payload);
}

const strings = (p: Partial<Payload>) => [p.s, p.l, p.st, p.r, p.v, p.n].every((v) => typeof v === "string" && v.length > 0 && v.length <= 320);

/** The link's claims; a forged, garbled or unknown link is 404 and an expired one 410, before any read. */
export function readActionToken(token: string, now = Date.now()): ActionClaims {
  const p = token.length <= 2_000 ? openPayload<Payload>("lesson-action", token) : null;
  if (!p || !LESSON_ACTIONS.includes(p.a as LessonAction) || !strings(p) || typeof p.e !== "number" || (p.c !== undefined && typeof p.c !== "string")) {
    throw new AppError("link.invalid", "This link is not valid: open the latest email from the studio, or contact them");
  }
  if (p.e * 1000 <= now) throw new AppError("link.expired", "This link has expired: open the latest email from the studio, or contact them");
  return {
    action: p.a!,
    studioId: p.s!,
    lessonId: p.l!,
    studentId: p.st!,
    email: p.r!,
    version: p.v!,
    ...(p.c ? { creditId: p.c } : {}),
    nonce: p.n!,
    expiresAt: p.e,
  };
}
