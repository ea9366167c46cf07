import "../../../bound-env";
import * as Classes from "@studiosync/core/classes";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (every 15 minutes, see the module's jobs) → the waitlist offer expiry job: unclaimed
 * offers past their deadline lapse and the seat goes to the next student waiting; safe to run twice.
 * `expireClassOffers(clock)` is the job at another time (tests); `handler` runs at the real time.
 */
export const expireClassOffers =
  (clock: Clock = systemClock) =>
  async () =>
    Classes.expireClassOffers({ now: clock() });

export const handler = expireClassOffers();
