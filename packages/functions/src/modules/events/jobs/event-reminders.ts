import "../../../bound-env";
import * as Events from "@studiosync/core/events";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (every 15 minutes, see the module's jobs) → the EventReminders job: events whose
 * reminder is due remind those who said yes or maybe, once each; safe to run twice.
 * `sendEventReminders(clock)` is the job at another time (tests); `handler` runs at the real time.
 */
export const sendEventReminders =
  (clock: Clock = systemClock) =>
  async () =>
    Events.sendEventReminders({ now: clock() });

export const handler = sendEventReminders();
