import { API_MODULES } from "../modules/modules";
import type { JobDefinition } from "../modules/module";

export type { JobDefinition };

/**
 * The scheduled jobs, as the modules declare them (modules/<name>/module.ts): stacks/Jobs.ts makes
 * one EventBridge rule + Lambda per entry, and the scheduler inside `npm start` runs the same
 * handlers on the same schedule.
 */
export const JOBS: JobDefinition[] = API_MODULES.flatMap((module) => ("jobs" in module ? [...module.jobs] : []));

/**
 * The outbox's retry job (core/outbox): not in JOBS because it is deployed with the outbox
 * consumer and its own least-privilege role (stacks/Jobs.ts); the local scheduler runs it too.
 */
export const OUTBOX_RETRY_JOB: JobDefinition = {
  name: "OutboxRetries",
  handler: "packages/functions/src/jobs/outbox-retries.handler",
  schedule: "rate(1 minute)",
  description: "Sends outbox emails again whose backoff or claim lease ran out; gives up (failed, recorded) after 6 attempts",
};
