import "../../../bound-env";
import * as Messaging from "@studiosync/core/messaging";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (every minute, see the module's jobs) → the message mail job: each participant's
 * unread messages of a thread, one email a few minutes after the first; safe to run twice.
 * `sendMessageMail(clock)` is the job at another time (tests); `handler` runs at the real time.
 */
export const sendMessageMail =
  (clock: Clock = systemClock) =>
  async () =>
    Messaging.sendMessageMail({ now: clock() });

export const handler = sendMessageMail();
