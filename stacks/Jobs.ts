import { Cron, Function, use, type StackContext } from "sst/constructs";
import { JOBS } from "../packages/functions/src/jobs/schedule";
import { Api } from "./Api";

/**
 * The scheduled jobs (packages/functions/src/jobs/schedule.ts): an EventBridge rule per job
 * invoking its own Lambda, with the API functions' environment and secret. Jobs read their sparse
 * work indexes and the table and send mail; they never touch the files bucket and never Scan.
 */
export function Jobs({ stack }: StackContext) {
  const { appFunctionProps, jobPermissions } = use(Api);
  const crons = JOBS.map((job) => {
    const fn = new Function(stack, `${job.name}Job`, {
      ...appFunctionProps,
      handler: job.handler,
      description: job.description,
      memorySize: 1024,
      // A run works through every studio's due items; the next run picks up anything left.
      timeout: 600,
      permissions: jobPermissions,
    });
    return new Cron(stack, job.name, { schedule: job.schedule, job: fn });
  });
  return { jobFunctions: crons.map((cron) => cron.jobFunction) };
}
