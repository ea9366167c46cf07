import { Cron, Function, use, type StackContext } from "sst/constructs";
import { JOBS } from "@studiosync/functions/jobs";
import { Api } from "./Api";
import { Email } from "./Email";
import { grantStatements, jobGrants } from "./grants";
import { inboundMail } from "./inbound-mail";
import { materialsCatchUpFunction } from "./materials-catch-up-function";
import { meteringFunction } from "./metering-function";
import { outboxFunctions } from "./outbox-functions";
import { sesEventsFunction } from "./ses-events-function";
import { Storage } from "./Storage";
import { webhooksFunction } from "./webhooks-function";

/**
 * The scheduled jobs (declared by each API module, listed in packages/functions/src/jobs/schedule.ts): an EventBridge rule per job
 * invoking its own Lambda, with the API functions' environment and secret. Jobs read their sparse
 * work indexes and the table and send mail; they never touch the files bucket and never Scan.
 * The outbox's stream consumer and retry job (outbox-functions.ts), the materials catch-up of late
 * joiners (materials-catch-up-function.ts, a stream consumer), metering (metering-function.ts, another), outbound webhooks
 * (webhooks-function.ts, another) and the SES bounce and
 * complaint handler (ses-events-function.ts) and the replies by email (inbound-mail.ts: SES receiving)
 * live here too, with their own narrower roles.
 */
export function Jobs({ stack }: StackContext) {
  const { api, appFunctionProps, grantResources } = use(Api);
  const { table } = use(Storage);
  const crons = JOBS.map((job) => {
    const fn = new Function(stack, `${job.name}Job`, {
      ...appFunctionProps,
      // Reminders and slot offers carry one-click unsubscribe links to the API (core/notifications).
      environment: { ...appFunctionProps.environment, API_URL: api.url },
      handler: job.handler,
      description: job.description,
      memorySize: 1024,
      // A run works through every studio's due items; the next run picks up anything left.
      timeout: 600,
      permissions: grantStatements(grantResources, jobGrants(job.name)),
    });
    return new Cron(stack, job.name, { schedule: job.schedule, job: fn });
  });
  const sendEmail = grantStatements(grantResources, { email: true });
  const outbox = outboxFunctions(stack, { table, environment: appFunctionProps.environment, sendEmail });
  const materialsCatchUp = materialsCatchUpFunction(stack, { table, environment: appFunctionProps.environment });
  const metering = meteringFunction(stack, { table, environment: appFunctionProps.environment });
  // Bound like the jobs (the app secret, the site's URL for the owners' email links).
  const webhooks = webhooksFunction(stack, { table, props: appFunctionProps });
  const sesEvents = sesEventsFunction(stack, { table, topic: use(Email).sesEvents, environment: appFunctionProps.environment });
  const { inboundEmail } = inboundMail(stack, { files: use(Storage).files, appFunctionProps, grantResources });
  // The inbound Lambda runs with the app secret and, like the jobs, the site's URL (bound in Web.ts): bound-env.ts reads both.
  return {
    jobFunctions: [...crons.map((cron) => cron.jobFunction), inboundEmail, webhooks],
    outbox,
    materialsCatchUp,
    metering,
    webhooks,
    sesEvents,
    inboundEmail,
  };
}
