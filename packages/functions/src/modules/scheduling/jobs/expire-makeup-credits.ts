import "../../../bound-env";
import * as Scheduling from "@studiosync/core/scheduling";

/** EventBridge cron (daily, see schedule.ts) → stores `expired` on make-up credits past their expiry date; safe to run twice. */
export const handler = async () => {
  const summary = await Scheduling.expireMakeupCredits({ now: new Date() });
  console.log(JSON.stringify({ job: "ExpireMakeupCredits", expired: summary.expired, dates: summary.dates.length }));
  return summary;
};
