import { itemOf, readTogether, type ItemRead } from "../kernel/db/read-together";
import { db } from "../db";
import { AppError, notFound } from "../kernel/errors";
import { assertSessionOpen, sessionRead, type Actor } from "../policy";
import { counterKey, counterRead, countAttemptAlone, isExhausted, LIMITS, rateLimited, type CounterState } from "../rate-limit";
import { liveLogin } from "./email-claim";
import { verifyPassword } from "./password";

/**
 * What a change to the login needs, read in one batch: the actor's sign-in (checked), their user,
 * their login, the wrong-password counter of that login (shared with sign-in, so a stolen session
 * cannot guess the password faster than a stranger at the login form) and any extra items (named
 * once the login's address is known).
 */
export async function readLoginForChange(actor: Actor, extra: (loginEmail: string) => readonly ItemRead<unknown>[] = () => []) {
  const [family, user] = await readTogether(sessionRead(actor), itemOf(db().entities.user, { userId: actor.userId }));
  assertSessionOpen(actor, family);
  if (!user) throw notFound("User");
  const failures = counterKey(LIMITS.loginFailuresPerEmail, user.email);
  const [credential, failureCount, ...rest] = await readTogether(
    itemOf(db().entities.credential, { email: user.email }),
    counterRead(failures),
    ...extra(user.email),
  );
  const login = liveLogin(credential);
  if (!login || login.userId !== actor.userId) throw new AppError("unauthenticated", "This sign-in has ended. Sign in again.");
  return { family: family!, user, login, failures: { key: failures, count: failureCount?.count }, extra: rest as unknown[] };
}

/** 422 on the field unless `password` is the login's; a wrong one counts like a failed sign-in. */
export async function assertCurrentPassword(password: string, passwordHash: string, failures: CounterState) {
  if (isExhausted(failures)) throw rateLimited(failures.key);
  if (await verifyPassword(password, passwordHash)) return;
  await countAttemptAlone(failures.key);
  throw new AppError("validation_failed", "The current password is wrong", {
    errors: [{ path: "currentPassword", message: "is not your current password" }],
  });
}
