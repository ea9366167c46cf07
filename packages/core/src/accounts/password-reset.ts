import { db } from "../db/service";
import { assertCommitted } from "../db/transactions";
import { consumeEmailLink, linkAlreadyUsed, openEmailLink } from "./email-links";
import { hashPassword } from "./password";

/**
 * Sets a new password from a reset link. Bumping the session epoch ends every existing sign-in;
 * following the link also proves the email address, so it counts as verified.
 */
export async function resetPassword(token: string, password: string) {
  const link = await openEmailLink(token, "reset_password");
  const passwordHash = await hashPassword(password);
  const now = new Date().toISOString();
  const outcome = await db()
    .transaction.write((tx) => [
      consumeEmailLink(tx, link.linkId),
      tx.credential.patch({ email: link.email }).set({ passwordHash, emailVerifiedAt: now }).add({ sessionEpoch: 1 }).commit(),
      tx.user.patch({ userId: link.userId }).set({ emailVerifiedAt: now }).commit(),
    ])
    .go();
  assertCommitted(outcome, (index) => (index === 0 ? linkAlreadyUsed() : undefined));
}
