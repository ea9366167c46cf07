import { db } from "../db/service";
import { AppError } from "../errors";
import { countAttempt, LIMITS } from "../rate-limit";
import { decoyPasswordHash, verifyPassword } from "./password";
import { readCredentialWithinLimits } from "./read-credential";
import type { RequestContext } from "./schemas";
import { newSession } from "./session-tokens";

const WRONG_CREDENTIALS = "The email or password is incorrect";

/**
 * Email + password sign-in. Unknown emails take the same time and give the same answer as a wrong
 * password. Failed attempts count against per-email and per-IP limits.
 */
export async function logIn(input: { email: string; password: string }, context: RequestContext = {}) {
  const { credential, counters } = await readCredentialWithinLimits(
    input.email,
    { perEmail: LIMITS.loginFailuresPerEmail, perIp: LIMITS.loginFailuresPerIp },
    context.ip,
  );

  const matches = await verifyPassword(input.password, credential?.passwordHash ?? (await decoyPasswordHash()));
  if (!credential || !matches) {
    await db().transaction.write((tx) => counters.map((key) => countAttempt(tx, key))).go();
    throw new AppError("unauthenticated", WRONG_CREDENTIALS);
  }
  if (!credential.emailVerifiedAt) {
    throw new AppError("email_not_verified", "Confirm your email address first: use the link we emailed you, or ask for a new one.");
  }

  const session = newSession({ userId: credential.userId, email: credential.email, sessionEpoch: credential.sessionEpoch });
  const outcome = await db().transaction.write(session.writes).go();
  if (outcome.canceled) throw new Error("Could not start the session");
  return { ...session.tokens, user: { id: credential.userId, email: credential.email } };
}
