import "../../../bound-env";
import * as Billing from "@studiosync/core/billing";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge cron (daily, see schedule.ts) → the monthly billing run of every studio whose run
 * day is today in its time zone; safe to run twice. Throws after the whole run when a studio
 * failed, so the failure shows in the function's errors (running again retries it). `billingRun(clock)`
 * is the job at another time (tests); the Lambda's `handler` runs at the real time.
 */
export const billingRun =
  (clock: Clock = systemClock) =>
  async () => {
    const summary = await Billing.runScheduledBilling({ now: clock() });
    if (process.env.AWS_LAMBDA_FUNCTION_NAME) console.log(JSON.stringify({ job: "BillingRun", ...summary }));
    if (summary.failed.length > 0) throw new Error(`Billing run failed for ${summary.failed.length} studio or account(s): ${JSON.stringify(summary.failed)}`);
    return summary;
  };

export const handler = billingRun();
