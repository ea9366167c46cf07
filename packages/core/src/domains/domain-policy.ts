import type { RateLimit } from "../rate-limit";

/** The most domains a studio attaches (each is an alternate name and a certificate to keep). */
export const MAX_DOMAINS = 5;

/** A pending domain (and its claim) lapses this long after it was added unless verified. */
export const PENDING_DAYS = 7;

/** DNS checks a studio may ask for ("Check now"), per hour: each is a lookup the platform makes for it. */
export const DOMAIN_CHECKS: RateLimit = { name: "domain-check", max: 30, windowSeconds: 60 * 60 };

export const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** Whether a pending domain or claim has lapsed (verified ones have no `expiresAt`). Local DynamoDB never deletes them: filter. */
export const lapsed = (record: { expiresAt?: number }, now: Date) => record.expiresAt !== undefined && record.expiresAt <= epochSeconds(now);
