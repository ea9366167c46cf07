import { db } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { AppError } from "../kernel/errors";
import { claimEmail, liveLogin } from "./email-claim";
import { consumeEmailLink, linkOutdated, openEmailLink } from "./email-links";
import { revokeAllFamilies } from "./session-tokens";

const addressTaken = () => new AppError("email.taken", "This address already belongs to another StudioSync account, so your account keeps its old address.");

/**
 * Opens an email-change link: the login moves from the old address to the new one (verified, as
 * the link proves it), the user record follows, and every sign-in ends (they belong to the old
 * address) — the person signs in again with the new address. Only while the login still has the
 * password it had when the link was sent, and only if the new address is still free.
 */
export async function confirmEmailChange(token: string, now = Date.now()) {
  const link = await openEmailLink(token, "change_email", now);
  const newEmail = link.newEmail;
  if (!newEmail) throw new AppError("invalid_token", "This link is invalid or has expired. Ask for a new one.");
  const { data: found } = await db().entities.credential.get({ email: link.email }).go();
  const login = liveLogin(found, now);
  if (!login || login.userId !== link.userId || login.sessionEpoch !== (link.credentialEpoch ?? 0)) throw linkOutdated();

  const verifiedAt = new Date(now).toISOString();
  const revokeSessions = await revokeAllFamilies(link.userId, "email_changed", now);
  await commitWrites(db, (tx) => [
    consumeEmailLink(tx, link.linkId, now),
    failsWith(
      tx.credential
        .delete({ email: link.email })
        .where((a, op) => `${op.eq(a.userId, link.userId)} AND ${op.eq(a.sessionEpoch, login.sessionEpoch)}`)
        .commit(),
      linkOutdated,
    ),
    failsWith(
      claimEmail(tx, { email: newEmail, userId: link.userId, passwordHash: login.passwordHash, emailVerifiedAt: verifiedAt }, undefined, now),
      addressTaken,
    ),
    tx.user.patch({ userId: link.userId }).set({ email: newEmail, emailVerifiedAt: verifiedAt }).commit(),
    ...revokeSessions(tx),
  ]);
  return { email: newEmail };
}
