/** The most endpoints a studio has. */
export const MAX_ENDPOINTS = 10;

/** After the first attempt, the next ones: 1 and 5 minutes, half an hour, 2, 6, 12 and 24 hours later (8 attempts over a day). */
export const RETRY_OFFSETS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_OFFSETS_MS.length + 1;

/** How long an attempt holds its delivery: past it (a crash mid-attempt), the retry job takes it again. */
export const ATTEMPT_LEASE_MS = 60_000;
/** A receiver has this long to answer. */
export const ATTEMPT_TIMEOUT_MS = 10_000;

/** Deliveries are kept 30 days. */
export const KEEP_DELIVERIES_SECONDS = 30 * 86_400;

/** How many days of due buckets the retry job reads (a lease or a retry is never further back). */
export const DUE_LOOKBACK_DAYS = 2;

/** The keys of the due index: the UTC day and the instant the delivery is due at. */
export const dueKeys = (at: Date) => ({ dueDay: at.toISOString().slice(0, 10), dueAt: at.toISOString() });

/** When a delivery whose attempt number `attempts` failed is tried next, or null once it has had them all. */
export function nextAttemptAt(firstAttemptAt: string, attempts: number, now: Date): Date | null {
  const offset = RETRY_OFFSETS_MS[attempts - 1];
  if (offset === undefined) return null;
  return new Date(Math.max(Date.parse(firstAttemptAt) + offset, now.getTime() + 1_000));
}
