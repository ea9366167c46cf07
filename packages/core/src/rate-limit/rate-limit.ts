import { db, type WriteTx } from "../db";
import { itemOf, type ItemRead } from "../kernel/db/read-together";
import { AppError } from "../kernel/errors";

/**
 * Fixed-window limits kept in DynamoDB with atomic ADD and a TTL. A limit is read together with
 * the other items a request needs (one batched read), and counted in the write that follows.
 *
 * Per-IP limits apply only where the transport knows the caller's address (see clientIp() in
 * packages/functions); per-email and per-recipient limits never depend on a header.
 */
export interface RateLimit {
  name: string;
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  /** Wrong passwords per email. Past it a wrong password answers 429; the right one still signs in. */
  loginFailuresPerEmail: { name: "login-email", max: 10, windowSeconds: 15 * 60 },
  /** Wrong passwords per IP: past it that address cannot sign in at all for the window. */
  loginFailuresPerIp: { name: "login-ip", max: 100, windowSeconds: 15 * 60 },
  /**
   * Wrong passwords across every account. Past it a distributed attack is under way: the per-email
   * limit then holds even for the right password until the window ends.
   */
  loginFailuresGlobal: { name: "login-global", max: 5_000, windowSeconds: 15 * 60 },
  /** Reset / verification emails per address: further requests answer the same and send nothing. */
  emailLinksPerEmail: { name: "mail-email", max: 5, windowSeconds: 60 * 60 },
  emailLinksPerIp: { name: "mail-ip", max: 50, windowSeconds: 60 * 60 },
  /** Sign-up emails (verification or "you already have an account") per address. */
  signupsPerEmail: { name: "signup-email", max: 5, windowSeconds: 60 * 60 },
  signupsPerIp: { name: "signup-ip", max: 20, windowSeconds: 60 * 60 },
  /** Bounces of refused replies by email per sender address (a forged sender must not turn us into a mail cannon). */
  replyBouncesPerAddress: { name: "reply-bounce", max: 3, windowSeconds: 60 * 60 },
  /** Requests per API key a minute: a runaway script slows down (429) before it costs the studio or its neighbours. */
  apiKeyRequests: { name: "api-key", max: 600, windowSeconds: 60 },
} satisfies Record<string, RateLimit>;

export interface CounterKey {
  bucket: string;
  window: string;
  limit: RateLimit;
  expiresAt: number;
}

/** A counter as read: its key and the count so far in the window. */
export interface CounterState {
  key: CounterKey;
  count: number | undefined;
}

/** The counter a subject (an email, an IP, a studio) uses for a limit in the current window. */
export function counterKey(limit: RateLimit, subject: string, now = Date.now()): CounterKey {
  const windowStart = Math.floor(now / 1000 / limit.windowSeconds) * limit.windowSeconds;
  return {
    bucket: `${limit.name}:${subject}`,
    window: String(windowStart),
    limit,
    expiresAt: windowStart + limit.windowSeconds,
  };
}

/** The readTogether() item of a counter. */
export const counterRead = (key: CounterKey): ItemRead<{ count?: number } | null> =>
  itemOf(db().entities.rateCounter, { bucket: key.bucket, window: key.window }) as ItemRead<{ count?: number } | null>;

/** Whether a counter (as read) has reached its limit. */
export const isExhausted = ({ key, count }: CounterState) => (count ?? 0) >= key.limit.max;

/** The 429 for a counter at its limit, with Retry-After until its window ends. */
export function rateLimited(key: CounterKey, now = Date.now(), message = "Too many attempts. Please wait and try again.") {
  return new AppError("rate_limited", message, { retryAfterSeconds: Math.max(1, key.expiresAt - Math.floor(now / 1000)) });
}

/** Throws 429 when any of the counters (as read) has reached its limit. */
export function assertWithinLimits(counters: CounterState[], now = Date.now()) {
  const exhausted = counters.find(isExhausted);
  if (exhausted) throw rateLimited(exhausted.key, now);
}

/** The transaction item that counts one more attempt against a counter. */
export const countAttempt = (tx: Pick<WriteTx, "rateCounter">, key: CounterKey) =>
  tx.rateCounter.update({ bucket: key.bucket, window: key.window }).add({ count: 1 }).set({ expiresAt: key.expiresAt }).commit();

/**
 * Counts one attempt outside any transaction. For counters many requests share (a global or
 * per-studio count): concurrent transactions on one item cancel each other, plain ADDs do not.
 */
export const countAttemptAlone = (key: CounterKey) =>
  db().entities.rateCounter.update({ bucket: key.bucket, window: key.window }).add({ count: 1 }).set({ expiresAt: key.expiresAt }).go({ response: "none" });

/**
 * Counts one attempt if the counter is below its limit, in one conditional UpdateItem (no read,
 * no transaction, so concurrent requests cannot race past the limit or cancel each other);
 * throws 429 otherwise.
 */
export async function claimWithinLimit(key: CounterKey, message?: string, now = Date.now()): Promise<void> {
  try {
    await db()
      .entities.rateCounter.update({ bucket: key.bucket, window: key.window })
      .add({ count: 1 })
      .set({ expiresAt: key.expiresAt })
      .where((a, op) => `${op.notExists(a.count)} OR ${op.lt(a.count, key.limit.max)}`)
      .go({ response: "none" });
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name !== "ConditionalCheckFailedException") throw error;
    throw rateLimited(key, now, message);
  }
}
