import "../../../bound-env";
import * as Leads from "@studiosync/core/leads";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (hourly, see the module's jobs) → the "follow-ups due" job: one email per task
 * owner per day; safe to run twice. `sendLeadFollowUps(clock)` is the job at another time
 * (tests); `handler` runs at the real time.
 */
export const sendLeadFollowUps =
  (clock: Clock = systemClock) =>
  async () =>
    Leads.sendLeadFollowUps({ now: clock() });

export const handler = sendLeadFollowUps();
