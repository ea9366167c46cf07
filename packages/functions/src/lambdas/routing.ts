/**
 * Which Lambda serves which paths. stacks/Api.ts builds the HTTP API routes from this table, and
 * functions/test/lambda-routing.test.ts checks that every operation of the API reaches the Lambda
 * whose app has it. Everything not listed goes to the platform Lambda ("$default").
 */
export const LAMBDA_HANDLERS = {
  platform: "packages/functions/src/lambdas/platform.handler",
  people: "packages/functions/src/lambdas/people.handler",
  access: "packages/functions/src/lambdas/access.handler",
  scheduling: "packages/functions/src/lambdas/scheduling.handler",
  planning: "packages/functions/src/lambdas/planning.handler",
  teaching: "packages/functions/src/lambdas/teaching.handler",
  billing: "packages/functions/src/lambdas/billing.handler",
  pay: "packages/functions/src/lambdas/pay.handler",
  docs: "packages/functions/src/lambdas/docs.handler",
} as const;
export type LambdaName = keyof typeof LAMBDA_HANDLERS;

/** `ANY /v1/studios/{studioId}/<area>` and everything below it. */
const studioAreas = (...areas: string[]) =>
  areas.flatMap((area) => [`ANY /v1/studios/{studioId}/${area}`, `ANY /v1/studios/{studioId}/${area}/{proxy+}`]);

export const ROUTE_KEYS: Record<Exclude<LambdaName, "platform">, string[]> = {
  people: [...studioAreas("teachers", "students", "families", "bands", "imports"), "ANY /v1/public/studios/{slug}/teachers"],
  access: [
    ...studioAreas("members", "invitations", "access-requests", "audit-events", "email-delivery", "privacy"),
    "ANY /v1/public/studios/{slug}/access-requests",
    "ANY /v1/public/invitations/{proxy+}",
    "ANY /v1/public/privacy-exports/{proxy+}",
  ],
  scheduling: [...studioAreas("lessons", "attendance", "makeup-credits", "reschedule-requests", "today", "portal"), "ANY /v1/public/lesson-links/{proxy+}"],
  planning: studioAreas("recurring-patterns", "availability", "free-slots", "closures", "cancellation-policy"),
  // API Gateway picks the most specific route, so a lesson's notes reach this Lambda, not scheduling.
  teaching: [
    "ANY /v1/studios/{studioId}/lessons/{lessonId}/notes",
    "ANY /v1/studios/{studioId}/lessons/{lessonId}/notes/{proxy+}",
    ...studioAreas("notes", "goals", "lesson-plans", "practice-logs", "calendar-feeds"),
    "GET /v1/calendar/{proxy+}",
  ],
  billing: studioAreas("billing-settings", "fee-plans", "billing-accounts", "billing-summary", "invoices", "payments", "billing-runs"),
  pay: ["ANY /v1/public/invoices/{proxy+}", "ANY /v1/webhooks/stripe"],
  docs: ["GET /v1/openapi.json", "GET /v1/reference"],
};

/**
 * esbuild settings every API Lambda is bundled with (stacks/Api.ts and the bench). Paths are
 * relative to the repository root, where SST and the bench run.
 */
export const LAMBDA_ESBUILD = {
  alias: {
    jsonschema: "./packages/functions/src/lambdas/jsonschema-stub.ts",
    "@asteasolutions/zod-to-openapi": "./packages/functions/src/lambdas/zod-to-openapi-stub.ts",
  },
  // SST keeps function names by default (+7% size); nothing here depends on minified names, and
  // lambda-bundles.test.ts runs the bundles as built to prove it.
  keepNames: false,
};
