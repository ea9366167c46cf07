import { itemOf } from "../../kernel/db/read-together";
import { counterKey, type CounterKey, type RateLimit } from "../../rate-limit";
import { growthDb } from "../growth-db";

/**
 * The public page's abuse limits: trial bookings and enquiries per address (a day: enough for a
 * family with three children and a change of mind) and per IP (an hour: a school's shared
 * network books a few, a script does not book a teacher's whole week).
 */
export const PUBLIC_FORM_LIMITS = {
  trialsPerEmail: { name: "trial-email", max: 5, windowSeconds: 24 * 60 * 60 },
  trialsPerIp: { name: "trial-ip", max: 10, windowSeconds: 60 * 60 },
  enquiriesPerEmail: { name: "enquiry-email", max: 5, windowSeconds: 24 * 60 * 60 },
  enquiriesPerIp: { name: "enquiry-ip", max: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

/** The counters one submission counts against: its address, and its IP when known. */
export function formCounters(perEmail: RateLimit, perIp: RateLimit, email: string, ip: string | undefined): CounterKey[] {
  return [counterKey(perEmail, email.toLowerCase()), ...(ip ? [counterKey(perIp, ip)] : [])];
}

export const counterReads = (counters: CounterKey[]) =>
  counters.map((key) => itemOf(growthDb().entities.rateCounter, { bucket: key.bucket, window: key.window }));

export const counterStates = (counters: CounterKey[], found: readonly unknown[]) =>
  counters.map((key, i) => ({ key, count: (found[i] as { count?: number } | null)?.count }));
