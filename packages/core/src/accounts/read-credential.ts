import { itemOf, readTogether } from "../kernel/db/read-together";
import { db } from "../db";
import { idempotencyRecordRead, isReplay, type IdempotencyRequest } from "../idempotency";
import { counterRead, type CounterKey, type CounterState } from "../rate-limit";
import { liveLogin } from "./email-claim";

/**
 * The login for an email, read in the same call as the rate counters that guard it (and the
 * request's Idempotency-Key record, if any). The caller decides what each counter at its limit
 * means; a replayed request (same key, same body) does nothing new.
 */
export async function readCredentialWithCounters(email: string, keys: CounterKey[], idempotency?: IdempotencyRequest) {
  const [found, ...rest] = await readTogether(
    itemOf(db().entities.credential, { email }),
    ...keys.map(counterRead),
    ...(idempotency ? [idempotencyRecordRead(idempotency)] : []),
  );
  const counters: CounterState[] = keys.map((key, i) => ({ key, count: (rest[i] as { count?: number } | null)?.count }));
  const record = idempotency ? (rest[keys.length] as { requestHash: string; expiresAt?: number } | null) : null;
  const replay = idempotency ? isReplay(idempotency, record) : false;
  return { credential: liveLogin(found), counters, replay };
}
