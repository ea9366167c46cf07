import "../../../bound-env";
import * as Scheduling from "@studiosync/core/scheduling";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge cron (daily, see schedule.ts) → stores `expired` on make-up credits past their expiry
 * date; safe to run twice. `expireMakeupCredits(clock)` is the job at another time (tests);
 * `handler` runs at the real time.
 */
export const expireMakeupCredits =
  (clock: Clock = systemClock) =>
  async () => {
    const summary = await Scheduling.expireMakeupCredits({ now: clock() });
    console.log(JSON.stringify({ job: "ExpireMakeupCredits", expired: summary.expired, dates: summary.dates.length }));
    return summary;
  };

export const handler = expireMakeupCredits();
