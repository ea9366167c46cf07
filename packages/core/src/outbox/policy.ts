/** How the outbox retries: attempts, the claim lease and the backoff between attempts. */

/** After this many failed attempts a message is `failed` for good (recorded, visible, not sent). */
export const MAX_ATTEMPTS = 6;

/**
 * How long a claim holds. Longer than one send can take (SES timeouts in email/ses.ts), so a
 * message is claimed again only when its consumer died, never while its send may still succeed.
 */
export const LEASE_MS = 2 * 60_000;

/**
 * A new message is keyed for the retry job this long after its commit: the stream consumer
 * normally sends it within a second; the retry job is the safety net if the stream delivery fails.
 */
export const STREAM_GRACE_MS = 2 * 60_000;

/** 1, 2, 4, 8, 16 minutes after failed attempts 1 to 5. */
export const backoffMs = (attempts: number) => Math.min(2 ** Math.max(attempts - 1, 0), 60) * 60_000;

/** Sent messages stay readable (what went out, when) for a while, then TTL removes them. */
export const KEEP_SENT_SECONDS = 14 * 86_400;
/** Failed ones stay longer, for staff to see. */
export const KEEP_FAILED_SECONDS = 60 * 86_400;

/** The retry job reads the due buckets of this many past days (and today). */
export const RETRY_LOOKBACK_DAYS = 7;

export const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);

/** The retry index attributes for a message the retry job should look at `at`. */
export const retryKeys = (at: Date) => ({ retryDay: utcDay(at), retryAt: at.toISOString() });

/** The `outboxProblems` index attributes of a message that failed or proved undeliverable at `at`. */
export const problemKeys = (scope: string, at: Date) => ({ problemScope: scope, problemAt: at.toISOString() });
