import "../../../bound-env";
import * as Scheduling from "@studiosync/core/scheduling";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge rate (see schedule.ts) → emails each freed lesson slot to the families holding a
 * make-up credit with its teacher; safe to run twice. `broadcastSlotOffers(clock)` is the job at
 * another time (tests); `handler` runs at the real time.
 */
export const broadcastSlotOffers =
  (clock: Clock = systemClock) =>
  async () => {
    const summary = await Scheduling.broadcastSlotOffers({ now: clock() });
    console.log(JSON.stringify({ job: "BroadcastSlotOffers", ...summary }));
    return summary;
  };

export const handler = broadcastSlotOffers();
