import "../../../bound-env";
import * as Scheduling from "@studiosync/core/scheduling";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (rate 15 minutes, see schedule.ts) → the reminder job; safe to run twice.
 * `sendLessonReminders(clock)` is the job at another time (tests); `handler` runs at the real time.
 */
export const sendLessonReminders =
  (clock: Clock = systemClock) =>
  async () =>
    Scheduling.sendLessonReminders({ now: clock() });

export const handler = sendLessonReminders();
