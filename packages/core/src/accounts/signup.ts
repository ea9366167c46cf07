import { v7 as uuidv7 } from "uuid";
import { config } from "../kernel/config";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { db } from "../db";
import { signupExistingAccountMessage } from "../email";
import { ACCOUNTS_SCOPE, outboxEmail } from "../outbox";
import { assertWithinLimits, countAttemptAlone, counterKey, counterRead, isExhausted, LIMITS, type CounterKey, type CounterState } from "../rate-limit";
import { createAccount, slugTaken } from "./create-account";
import { liveLogin } from "./email-claim";
import { hashPassword } from "./password";
import type { RequestContext, SignUpInput } from "./schemas";

/**
 * Public sign-up. The answer is the same for a new and an existing email: "check your inbox".
 * A new email gets its account, studio and verification link; an existing one gets nothing
 * created and its owner an email saying someone tried (and how to sign in or reset). Both paths
 * hash the password and send one email, so they take about as long. A taken explicit slug is a
 * 409 on both paths (slugs are public anyway). An IP past its limit gets 429; an address past
 * its limit gets no more "someone tried" emails (the answer stays the same).
 */
export async function signUp(input: SignUpInput, context: RequestContext = {}): Promise<{ email: string }> {
  const perEmailKey = counterKey(LIMITS.signupsPerEmail, input.email);
  const perIpKey = context.ip ? counterKey(LIMITS.signupsPerIp, context.ip) : undefined;
  const keys = [perEmailKey, ...(perIpKey ? [perIpKey] : [])];
  const { credential, counters, slugClaim } = await readSignUpState(input, keys);
  const [perEmail, perIp] = counters;
  if (perIp) assertWithinLimits([perIp]);

  if (credential && slugClaim) throw slugTaken();

  const [created] = await Promise.all([credential ? undefined : createAccount(input), ...keys.map(countAttemptAlone)]);
  // No account made: the email had one (or was claimed between the read and the write).
  if (!created) await notifyExistingAccount(input, isExhausted(perEmail!));
  return { email: input.email };
}

/** The login for the email, the claim on an explicit slug and the counters, in one batched read. */
async function readSignUpState(input: SignUpInput, keys: CounterKey[]) {
  const { credential, studioSlug } = db().entities;
  const [found, ...rest] = await readTogether(
    itemOf(credential, { email: input.email }),
    ...keys.map(counterRead),
    ...(input.slug ? [itemOf(studioSlug, { slug: input.slug })] : []),
  );
  const counters: CounterState[] = keys.map((key, i) => ({ key, count: (rest[i] as { count?: number } | null)?.count }));
  return { credential: liveLogin(found), counters, slugClaim: input.slug ? rest[keys.length] : null };
}

async function notifyExistingAccount(input: SignUpInput, capped: boolean) {
  await hashPassword(input.password); // the same work as a real sign-up, so timing tells nothing
  if (capped) return;
  const web = config().webUrl;
  const message = signupExistingAccountMessage({ loginUrl: `${web}/login`, resetUrl: `${web}/forgot-password` });
  await db()
    .transaction.write((tx) => [outboxEmail(tx, { scope: ACCOUNTS_SCOPE, messageId: `signup_existing#${uuidv7()}`, to: input.email, email: message })])
    .go();
}
