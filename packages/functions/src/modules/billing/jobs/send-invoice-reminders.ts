import "../../../bound-env";
import * as Dunning from "@studiosync/core/billing";

/**
 * EventBridge (hourly, see schedule.ts) → the dunning job: invoice reminders before, on and
 * after the due date, overdue statuses and late fees; safe to run twice. Imports the dunning
 * area alone, so the bundle carries none of the other billing use cases (nor Stripe).
 */
export const handler = async () => Dunning.runDunning({ now: new Date() });
