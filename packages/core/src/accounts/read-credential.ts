import { itemOf, readTogether } from "../db/read-together";
import { db } from "../db/service";
import { idempotencyRecordRead, isReplay, type IdempotencyRequest } from "../idempotency";
import { assertWithinLimits, counterKey, type RateLimit } from "../rate-limit";
import { liveLogin } from "./email-claim";

/**
 * The login for an email, read in the same call as the rate counters that guard it (and the
 * request's Idempotency-Key record, if any). A replayed request skips the limits: it does nothing
 * new. Otherwise throws 429 when a counter is at its limit; returns the counters to count this attempt.
 */
export async function readCredentialWithinLimits(
  email: string,
  limits: { perEmail: RateLimit; perIp: RateLimit },
  ip?: string,
  idempotency?: IdempotencyRequest,
) {
  const counters = [counterKey(limits.perEmail, email), ...(ip ? [counterKey(limits.perIp, ip)] : [])];
  const { credential, rateCounter } = db().entities;
  const [found, ...rest] = await readTogether(
    itemOf(credential, { email }),
    ...counters.map((key) => itemOf(rateCounter, { bucket: key.bucket, window: key.window })),
    ...(idempotency ? [idempotencyRecordRead(idempotency)] : []),
  );
  const counts = rest.slice(0, counters.length) as Array<{ count?: number } | null>;
  const record = idempotency ? (rest[counters.length] as { requestHash: string; expiresAt?: number } | null) : null;
  const replay = idempotency ? isReplay(idempotency, record) : false;
  if (!replay) assertWithinLimits(counters.map((key, i) => ({ key, count: counts[i]?.count })));
  // A sign-up that lapsed unverified is no account at all.
  return { credential: liveLogin(found), counters, replay };
}
