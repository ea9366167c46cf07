import "../../../bound-env";
import * as Lending from "@studiosync/core/lending";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (hourly, see the module's jobs) → the loan reminder job: a borrowed item due back
 * today, then overdue; safe to run twice. `sendLoanReminders(clock)` is the job at another time
 * (tests); `handler` runs at the real time.
 */
export const sendLoanReminders =
  (clock: Clock = systemClock) =>
  async () =>
    Lending.sendLoanReminders({ now: clock() });

export const handler = sendLoanReminders();
