import { db } from "../db";
import { AppError } from "../kernel/errors";
import { assertWithinLimits, countAttempt, countAttemptAlone, counterKey, isExhausted, LIMITS, rateLimited } from "../rate-limit";
import { decoyPasswordHash, verifyPassword } from "./password";
import { readCredentialWithCounters } from "./read-credential";
import type { RequestContext } from "./schemas";
import { newSession } from "./session-tokens";

const WRONG_CREDENTIALS = "The email or password is incorrect";

/**
 * Email + password sign-in. Unknown emails take the same time and give the same answer as a wrong
 * password. Wrong passwords count per email, per IP and globally:
 * - an IP past its limit cannot sign in at all for the window;
 * - an email past its limit answers 429 to wrong passwords but still lets the right one in, so a
 *   stranger guessing cannot lock the owner out;
 * - while failures across all accounts are past the global limit (a distributed attack), an email
 *   past its limit is refused even with the right password.
 */
export async function logIn(input: { email: string; password: string }, context: RequestContext = {}, now = Date.now()) {
  const perEmailKey = counterKey(LIMITS.loginFailuresPerEmail, input.email, now);
  const globalKey = counterKey(LIMITS.loginFailuresGlobal, "all", now);
  const perIpKey = context.ip ? counterKey(LIMITS.loginFailuresPerIp, context.ip, now) : undefined;
  const { credential, counters } = await readCredentialWithCounters(input.email, [perEmailKey, globalKey, ...(perIpKey ? [perIpKey] : [])]);
  const [perEmail, global, perIp] = counters;
  if (perIp) assertWithinLimits([perIp], now);
  const emailLimited = isExhausted(perEmail!);
  if (emailLimited && isExhausted(global!)) throw rateLimited(perEmailKey, now);

  const matches = await verifyPassword(input.password, credential?.passwordHash ?? (await decoyPasswordHash()));
  if (!credential || !matches) {
    await Promise.all([
      db()
        .transaction.write((tx) => [perEmailKey, ...(perIpKey ? [perIpKey] : [])].map((key) => countAttempt(tx, key)))
        .go(),
      countAttemptAlone(globalKey),
    ]);
    throw emailLimited ? rateLimited(perEmailKey, now) : new AppError("unauthenticated", WRONG_CREDENTIALS);
  }
  if (!credential.emailVerifiedAt) {
    throw new AppError("email_not_verified", "Confirm your email address first: use the link we emailed you, or ask for a new one.");
  }

  const session = newSession({ userId: credential.userId, email: credential.email, sessionEpoch: credential.sessionEpoch }, now, context.userAgent);
  const outcome = await db().transaction.write(session.writes).go();
  if (outcome.canceled) throw new Error("Could not start the session");
  return { ...session.tokens, user: { id: credential.userId, email: credential.email } };
}
