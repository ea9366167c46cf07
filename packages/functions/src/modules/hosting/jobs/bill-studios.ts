import "../../../bound-env";
import { runPlatformBilling } from "@studiosync/core/platform-billing";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (hourly, see the module's jobs) → the platform's billing of the studios
 * (core/platform-billing/run-platform-billing.ts): closes ended months, charges due invoices,
 * pauses at the ladder's end, alerts on spending caps; safe to run twice. `billStudios(clock)` is the
 * job at another time (tests); `handler` runs at the real time.
 */
export const billStudios =
  (clock: Clock = systemClock) =>
  async () => {
    const run = await runPlatformBilling(clock());
    console.log(JSON.stringify({ level: "info", message: "platform billing", ...run }));
    return run;
  };

export const handler = billStudios();
