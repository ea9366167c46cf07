import "../../../bound-env";
import * as Planning from "@studiosync/core/planning";

/**
 * EventBridge cron (schedule.ts) → every active recurring pattern's lessons up to its studio's
 * horizon. Safe to run twice. Throws after the whole run when a pattern failed, so the failure
 * shows in the function's errors (the next run retries those patterns).
 */
export const handler = async () => {
  const summary = await Planning.materialiseLessons({ log: (line) => console.error(line) });
  // In Lambda the summary goes to CloudWatch; locally the scheduler logs the returned summary.
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) console.log(JSON.stringify({ job: "MaterialiseLessons", ...summary }));
  if (summary.failed > 0) throw new Error(`${summary.failed} recurring pattern(s) failed to materialise`);
  return summary;
};
