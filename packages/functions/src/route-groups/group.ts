/**
 * A route group: the operations one API Lambda serves. Each group has a folder here with its
 * declaration (`group.ts`: name and the API Gateway route keys sent to it), its routes
 * (`routes.ts`) and its Lambda entry (`lambda.ts`); groups.ts and index.ts list them once, and the
 * app, the Lambda table (lambdas/routing.ts), the stacks, the tests and the bench are built from
 * those lists.
 */
export interface RouteGroup {
  readonly name: string;
  /** `METHOD /path` keys API Gateway sends to this group's Lambda (the platform group takes the rest). */
  readonly routeKeys: readonly string[];
}

/** `ANY /v1/studios/{studioId}/<area>` and everything below it. */
export const studioAreas = (...areas: string[]) =>
  areas.flatMap((area) => [`ANY /v1/studios/{studioId}/${area}`, `ANY /v1/studios/{studioId}/${area}/{proxy+}`]);
