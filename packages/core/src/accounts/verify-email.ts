import { db } from "../db";
import { commitWrites } from "../kernel/db/commit-writes";
import { consumeEmailLink, openEmailLink, updateLinkedLogin } from "./email-links";

/**
 * Uses a verification link: marks the email verified on the login and the user, once; the login
 * stops lapsing. Only for the account and password the link was sent for (updateLinkedLogin).
 */
export async function verifyEmail(token: string) {
  const link = await openEmailLink(token, "verify_email");
  const verifiedAt = new Date().toISOString();
  await commitWrites(db, (tx) => [
    consumeEmailLink(tx, link.linkId),
    updateLinkedLogin(tx, link, { emailVerifiedAt: verifiedAt }),
    tx.user.patch({ userId: link.userId }).set({ emailVerifiedAt: verifiedAt }).commit(),
  ]);
  return { emailVerified: true as const };
}
