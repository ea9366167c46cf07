import { db } from "../db/service";
import { assertCommitted } from "../kernel/db/transactions";
import { consumeEmailLink, linkRejected, openEmailLink, updateLinkedLogin } from "./email-links";

/**
 * Uses a verification link: marks the email verified on the login and the user, once; the login
 * stops lapsing. Only for the account and password the link was sent for (updateLinkedLogin).
 */
export async function verifyEmail(token: string) {
  const link = await openEmailLink(token, "verify_email");
  const verifiedAt = new Date().toISOString();
  const outcome = await db()
    .transaction.write((tx) => [
      consumeEmailLink(tx, link.linkId),
      updateLinkedLogin(tx, link, { emailVerifiedAt: verifiedAt }),
      tx.user.patch({ userId: link.userId }).set({ emailVerifiedAt: verifiedAt }).commit(),
    ])
    .go();
  assertCommitted(outcome, linkRejected);
  return { emailVerified: true as const };
}
