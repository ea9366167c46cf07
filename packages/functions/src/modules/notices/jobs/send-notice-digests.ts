import "../../../bound-env";
import * as Notifications from "@studiosync/core/notifications";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (hourly, see the module's jobs) → the daily digests: each person who chose a digest
 * for some notices gets one email per studio when 18:00 comes in its zone; safe to run twice.
 * `sendNoticeDigests(clock)` is the job at another time (tests); `handler` runs at the real time.
 */
export const sendNoticeDigests =
  (clock: Clock = systemClock) =>
  async () =>
    Notifications.sendNoticeDigests({ now: clock() });

export const handler = sendNoticeDigests();
