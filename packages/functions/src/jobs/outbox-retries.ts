import { systemClock, type Clock } from "@studiosync/core/kernel";
import { retryDueMessages } from "@studiosync/core/outbox";

/**
 * EventBridge (rate 1 minute, see schedule.ts) → retries outbox messages whose backoff or lease ran
 * out; safe to run twice. `outboxRetries(clock)` is the job at another time (tests); `handler` runs
 * at the real time.
 */
export const outboxRetries =
  (clock: Clock = systemClock) =>
  async () =>
    retryDueMessages({ now: clock() });

export const handler = outboxRetries();
