import { v7 as uuidv7 } from "uuid";
import { config } from "../kernel/config";
import { db, type WriteTx } from "../db";
import { AppError } from "../kernel/errors";
import type { LinkPurpose } from "./email-link.entity";
import { readLinkToken, signLinkToken } from "./signed-link";
import { failsWith } from "../kernel/db/commit-writes";

export const LINK_LIFETIME_SECONDS: Record<LinkPurpose, number> = {
  verify_email: 48 * 60 * 60,
  reset_password: 60 * 60,
  /** Invitations keep their single-use state on the invitation itself (status pending → accepted). */
  invitation: 7 * 24 * 60 * 60,
  change_email: 24 * 60 * 60,
};

export const LINK_PAGE: Record<LinkPurpose, string> = {
  verify_email: "/verify-email",
  reset_password: "/reset-password",
  invitation: "/invitations/accept",
  change_email: "/account/email/confirm",
};

/**
 * A new single-use link for a login (its user, email and current sessionEpoch): the item to write
 * in the caller's transaction, and the URL to email.
 */
export function newEmailLink(purpose: LinkPurpose, login: { userId: string; email: string; sessionEpoch: number }, now = Date.now(), newEmail?: string) {
  const { userId, email, sessionEpoch: credentialEpoch } = login;
  const linkId = uuidv7();
  const expiresAt = Math.floor(now / 1000) + LINK_LIFETIME_SECONDS[purpose];
  const token = signLinkToken(linkId, purpose, expiresAt);
  return {
    linkId,
    write: (tx: WriteTx) => tx.emailLink.create({ linkId, purpose, userId, email, credentialEpoch, expiresAt, ...(newEmail ? { newEmail } : {}) }).commit(),
    url: `${config().webUrl}${LINK_PAGE[purpose]}?token=${encodeURIComponent(token)}`,
  };
}

/** Checks a link token (signature, expiry, purpose) and loads its unused record. */
export async function openEmailLink(token: string, purpose: LinkPurpose, now = Date.now()) {
  const { linkId } = readLinkToken(token, purpose, now);
  const { data } = await db().entities.emailLink.get({ linkId }).go();
  if (!data || data.purpose !== purpose || (data.expiresAt ?? 0) * 1000 <= now) {
    throw new AppError("invalid_token", "This link is invalid or has expired. Ask for a new one.");
  }
  if (data.usedAt) throw new AppError("invalid_token", "This link has already been used.");
  return data;
}

export const linkAlreadyUsed = () => new AppError("invalid_token", "This link has already been used.");

/** The transaction item that uses a link up; it fails if the link was used meanwhile (linkAlreadyUsed). */
export const consumeEmailLink = (tx: WriteTx, linkId: string, now = Date.now()) =>
  failsWith(
    tx.emailLink
      .patch({ linkId })
      .set({ usedAt: new Date(now).toISOString() })
      .where((a, op) => op.notExists(a.usedAt))
      .commit(),
    linkAlreadyUsed,
  );

export const linkOutdated = () => new AppError("invalid_token", "This link no longer works: the password was changed after it was sent. Ask for a new one.");

/**
 * Updates the link's login (it counts as verified from now on, so it stops lapsing), only while
 * it is the account the link was sent for with the password it had then: a password change
 * (which bumps the epoch) ends every link sent before it, and a replaced sign-up (another
 * userId) ends its links (linkOutdated).
 */
export function updateLinkedLogin(
  tx: WriteTx,
  link: { email: string; userId: string; credentialEpoch?: number },
  change: { emailVerifiedAt: string; passwordHash?: string },
) {
  const update = tx.credential.patch({ email: link.email }).set(change).remove(["expiresAt"]);
  return failsWith(
    (change.passwordHash ? update.add({ sessionEpoch: 1 }) : update)
      .where((a, op) => `${op.eq(a.userId, link.userId)} AND ${op.eq(a.sessionEpoch, link.credentialEpoch ?? 0)}`)
      .commit(),
    linkOutdated,
  );
}
