import "../../../bound-env";
import { retryDueDeliveries } from "@studiosync/core/webhooks";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (every minute, see the module's jobs) → webhook deliveries whose backoff is over, or
 * whose first attempt never happened (core/webhooks/retry-due-deliveries.ts); safe to run twice.
 * `retryWebhooks(clock)` is the job at another time (tests); `handler` runs at the real time.
 */
export const retryWebhooks =
  (clock: Clock = systemClock) =>
  async () =>
    retryDueDeliveries({ now: clock() });

export const handler = retryWebhooks();
