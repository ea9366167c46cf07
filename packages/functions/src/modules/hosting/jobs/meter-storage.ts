import "../../../bound-env";
import { sampleStorage } from "@studiosync/core/metering";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (hourly, see the module's jobs) → each metered studio's stored bytes, sampled once a
 * local day (core/metering/sample-storage.ts); safe to run twice. `meterStorage(clock)` is the job at
 * another time (tests); `handler` runs at the real time.
 */
export const meterStorage =
  (clock: Clock = systemClock) =>
  async () => {
    const result = await sampleStorage(clock());
    if (result.sampled > 0) console.log(JSON.stringify({ level: "info", message: "storage sampled", ...result }));
    return result;
  };

export const handler = meterStorage();
