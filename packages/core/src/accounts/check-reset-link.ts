import { db } from "../db";
import { AppError } from "../kernel/errors";
import { readLinkToken } from "./signed-link";

/**
 * What a password reset link would do if used now, without using it: the reset page asks before
 * showing its form, so a link that was used (or outdated by a later password change) says so at
 * once instead of after the new password is typed. Reads one or two items; changes nothing.
 */
export type ResetLinkState = "usable" | "used" | "expired" | "outdated" | "invalid";

export async function checkResetLink(token: string, now = Date.now()): Promise<{ state: ResetLinkState }> {
  let linkId: string;
  try {
    // Signature and purpose only (time 0): an expired link is named as expired, not as invalid.
    ({ linkId } = readLinkToken(token, "reset_password", 0));
  } catch (error) {
    if (error instanceof AppError) return { state: "invalid" };
    throw error;
  }
  const { data: link } = await db().entities.emailLink.get({ linkId }).go();
  if (link?.usedAt) return { state: "used" };
  // Expired link items are removed by the table's TTL, so a missing one is an old link too.
  if (!link || (link.expiresAt ?? 0) * 1000 <= now) return { state: link || isSignedExpired(token, now) ? "expired" : "invalid" };
  if (link.purpose !== "reset_password") return { state: "invalid" };
  const { data: login } = await db().entities.credential.get({ email: link.email }).go();
  if (!login || login.userId !== link.userId || (login.sessionEpoch ?? 0) !== (link.credentialEpoch ?? 0)) return { state: "outdated" };
  return { state: "usable" };
}

function isSignedExpired(token: string, now: number): boolean {
  try {
    readLinkToken(token, "reset_password", now);
    return false;
  } catch {
    return true;
  }
}
