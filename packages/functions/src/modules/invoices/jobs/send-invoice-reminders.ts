import "../../../bound-env";
import * as Dunning from "@studiosync/core/billing";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (hourly, see schedule.ts) → the dunning job: invoice reminders before, on and
 * after the due date, overdue statuses and late fees; safe to run twice. Imports the dunning
 * area alone, so the bundle carries none of the other billing use cases (nor Stripe).
 * `sendInvoiceReminders(clock)` is the job at another time (tests); `handler` runs at the real time.
 */
export const sendInvoiceReminders =
  (clock: Clock = systemClock) =>
  async () =>
    Dunning.runDunning({ now: clock() });

export const handler = sendInvoiceReminders();
