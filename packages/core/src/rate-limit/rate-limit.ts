import type { WriteTx } from "../db/service";
import { AppError } from "../errors";

/**
 * Fixed-window limits kept in DynamoDB with atomic ADD and a TTL. A limit is read together with
 * the other items a request needs (one transactional read), and counted in the write that follows.
 */
export interface RateLimit {
  name: string;
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  loginFailuresPerEmail: { name: "login-email", max: 10, windowSeconds: 15 * 60 },
  loginFailuresPerIp: { name: "login-ip", max: 100, windowSeconds: 15 * 60 },
  emailLinksPerEmail: { name: "mail-email", max: 5, windowSeconds: 60 * 60 },
  emailLinksPerIp: { name: "mail-ip", max: 50, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

export interface CounterKey {
  bucket: string;
  window: string;
  limit: RateLimit;
  expiresAt: number;
}

/** The counter a subject (an email, an IP) uses for a limit in the current window. */
export function counterKey(limit: RateLimit, subject: string, now = Date.now()): CounterKey {
  const windowStart = Math.floor(now / 1000 / limit.windowSeconds) * limit.windowSeconds;
  return {
    bucket: `${limit.name}:${subject}`,
    window: String(windowStart),
    limit,
    expiresAt: windowStart + limit.windowSeconds,
  };
}

/** Throws 429 when any of the counters (as read) has reached its limit. */
export function assertWithinLimits(counters: Array<{ key: CounterKey; count: number | undefined }>, now = Date.now()) {
  for (const { key, count } of counters) {
    if ((count ?? 0) >= key.limit.max) {
      throw new AppError("rate_limited", "Too many attempts. Please wait and try again.", {
        retryAfterSeconds: Math.max(1, key.expiresAt - Math.floor(now / 1000)),
      });
    }
  }
}

/** The transaction item that counts one more attempt against a counter. */
export const countAttempt = (tx: WriteTx, key: CounterKey) =>
  tx.rateCounter
    .update({ bucket: key.bucket, window: key.window })
    .add({ count: 1 })
    .set({ expiresAt: key.expiresAt })
    .commit();
