import { retryDueMessages } from "@studiosync/core/outbox";

/** EventBridge (rate 1 minute, see schedule.ts) → retries outbox messages whose backoff or lease ran out; safe to run twice. */
export const handler = async () => retryDueMessages({ now: new Date() });
