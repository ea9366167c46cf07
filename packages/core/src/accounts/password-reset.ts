import { db } from "../db";
import { commitWrites } from "../kernel/db/commit-writes";
import { consumeEmailLink, openEmailLink, updateLinkedLogin } from "./email-links";
import { hashPassword } from "./password";
import { revokeAllFamilies } from "./session-tokens";

/**
 * Sets a new password from a reset link. Bumping the session epoch ends every refresh token and
 * every other emailed link; every sign-in (session family) is revoked in the same transaction,
 * so access tokens stop at once too. Following the link also proves the email address, so it
 * counts as verified (and the login no longer lapses).
 */
export async function resetPassword(token: string, password: string) {
  const link = await openEmailLink(token, "reset_password");
  const passwordHash = await hashPassword(password);
  const now = new Date().toISOString();
  const revokeSessions = await revokeAllFamilies(link.userId, "password_changed");
  await commitWrites(db, (tx) => [
    consumeEmailLink(tx, link.linkId),
    updateLinkedLogin(tx, link, { passwordHash, emailVerifiedAt: now }),
    tx.user.patch({ userId: link.userId }).set({ emailVerifiedAt: now }).commit(),
    ...revokeSessions(tx),
  ]);
}
