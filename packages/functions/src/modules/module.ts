/**
 * An API module: the operations one Lambda serves and the jobs that go with them. Each module has a
 * folder here with its declaration (`module.ts`), its routes (`routes.ts`), its Lambda entry
 * (`lambda.ts`) and its jobs (`jobs/`); modules.ts and index.ts list the modules once, and the app,
 * the Lambda table (lambdas/routing.ts), the stacks, the local scheduler, the tests and the bench
 * are built from those lists.
 */
export interface ApiModule {
  readonly name: string;
  /** `METHOD /path` keys API Gateway sends to this module's Lambda (the platform module takes the rest). */
  readonly routeKeys: readonly string[];
  /** Its scheduled jobs: an EventBridge rule and Lambda each on AWS, the same handlers in `npm start`. */
  readonly jobs?: readonly JobDefinition[];
}

/** A scheduled job. Its handler is `export const handler = async () => …` and must be safe to run twice. */
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

/** `ANY /v1/studios/{studioId}/<area>` and everything below it. */
export const studioAreas = (...areas: string[]) =>
  areas.flatMap((area) => [`ANY /v1/studios/{studioId}/${area}`, `ANY /v1/studios/{studioId}/${area}/{proxy+}`]);

/** A job handler of a module's `jobs/` folder, as SST names it. */
export const jobHandler = (module: string, file: string) => `packages/functions/src/modules/${module}/jobs/${file}.handler`;
