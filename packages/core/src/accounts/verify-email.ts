import { db } from "../db/service";
import { assertCommitted } from "../db/transactions";
import { consumeEmailLink, linkAlreadyUsed, openEmailLink } from "./email-links";

/** Uses a verification link: marks the email verified on the login and the user, once. */
export async function verifyEmail(token: string) {
  const link = await openEmailLink(token, "verify_email");
  const verifiedAt = new Date().toISOString();
  const outcome = await db()
    .transaction.write((tx) => [
      consumeEmailLink(tx, link.linkId),
      tx.credential.patch({ email: link.email }).set({ emailVerifiedAt: verifiedAt }).commit(),
      tx.user.patch({ userId: link.userId }).set({ emailVerifiedAt: verifiedAt }).commit(),
    ])
    .go();
  assertCommitted(outcome, (index) => (index === 0 ? linkAlreadyUsed() : undefined));
  return { emailVerified: true as const };
}
