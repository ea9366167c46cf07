/**
 * The scheduled jobs: stacks/Jobs.ts makes one EventBridge rule + Lambda per entry, and the
 * scheduler inside `npm start` runs the same handlers on the same schedule. Each handler is
 * `export const handler = async () => …` and must be safe to run twice.
 */
export interface JobDefinition {
  /** Also the CDK id prefix and the local scheduler's log name. */
  name: string;
  /** Relative to the repository root, as SST wants it. */
  handler: string;
  /** An EventBridge schedule expression: `rate(…)` or `cron(…)`. */
  schedule: `rate(${string})` | `cron(${string})`;
  /** Shown in the README and the local scheduler's log. */
  description: string;
}

export const JOBS: JobDefinition[] = [
  {
    name: "MaterialiseLessons",
    handler: "packages/functions/src/jobs/materialise-lessons.handler",
    schedule: "cron(15 3 * * ? *)",
    description: "Creates each recurring pattern's lessons up to the studio's horizon (default 12 weeks)",
  },
  {
    name: "LessonReminders",
    handler: "packages/functions/src/jobs/send-lesson-reminders.handler",
    schedule: "rate(15 minutes)",
    description: "Emails students and guardians before each lesson (lead time a studio setting, default 24 h)",
  },
  {
    name: "BroadcastSlotOffers",
    handler: "packages/functions/src/jobs/broadcast-slot-offers.handler",
    schedule: "rate(5 minutes)",
    description: "Emails each lesson slot a family cancelled to the families holding a make-up credit with its teacher (first to claim books it)",
  },
  {
    name: "ExpireMakeupCredits",
    handler: "packages/functions/src/jobs/expire-makeup-credits.handler",
    schedule: "cron(30 3 * * ? *)",
    description: "Expires make-up credits past their expiry date",
  },
  {
    name: "BillingRun",
    handler: "packages/functions/src/jobs/billing-run.handler",
    schedule: "cron(0 6 * * ? *)",
    description: "Drafts each account's invoice for the period, for studios whose monthly run day is today in their time zone",
  },
  {
    name: "InvoiceReminders",
    handler: "packages/functions/src/jobs/send-invoice-reminders.handler",
    schedule: "rate(1 hour)",
    description: "Emails invoice reminders before, on and after the due date, marks invoices overdue and applies late fees",
  },
];

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
