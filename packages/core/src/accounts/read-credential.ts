import { itemOf, readTogether } from "../db/read-together";
import { db } from "../db/service";
import { assertWithinLimits, counterKey, type RateLimit } from "../rate-limit";

/**
 * The login for an email, read in the same call as the rate counters that guard it; throws 429
 * when a counter is at its limit. Returns the counters so the caller can count this attempt.
 */
export async function readCredentialWithinLimits(email: string, limits: { perEmail: RateLimit; perIp: RateLimit }, ip?: string) {
  const counters = [counterKey(limits.perEmail, email), ...(ip ? [counterKey(limits.perIp, ip)] : [])];
  const { credential, rateCounter } = db().entities;
  const [found, ...counts] = await readTogether(
    itemOf(credential, { email }),
    ...counters.map((key) => itemOf(rateCounter, { bucket: key.bucket, window: key.window })),
  );
  assertWithinLimits(counters.map((key, i) => ({ key, count: counts[i]?.count })));
  return { credential: found, counters };
}
