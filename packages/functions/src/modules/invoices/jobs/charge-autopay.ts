import "../../../bound-env";
import { runAutopay } from "@studiosync/core/billing";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (hourly, see the module's jobs) → the families' automatic payments: invoices due today
 * charged to their saved cards, once each (core/billing/autopay); safe to run twice.
 * `chargeAutopay(clock)` is the job at another time (tests); `handler` runs at the real time.
 */
export const chargeAutopay =
  (clock: Clock = systemClock) =>
  async () =>
    runAutopay(clock());

export const handler = chargeAutopay();
