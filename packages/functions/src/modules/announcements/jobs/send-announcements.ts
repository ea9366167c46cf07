import "../../../bound-env";
import * as Messaging from "@studiosync/core/messaging";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (every minute, see the module's jobs) → the announcements job: scheduled
 * announcements start going out when their time comes, and those going out move along by a
 * minute's worth of SES's send rate; safe to run twice. `sendAnnouncements(clock)` is the job at
 * another time (tests); `handler` runs at the real time.
 */
export const sendAnnouncements =
  (clock: Clock = systemClock) =>
  async () =>
    Messaging.sendAnnouncements({ now: clock() });

export const handler = sendAnnouncements();
