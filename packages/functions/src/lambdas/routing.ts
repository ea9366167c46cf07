import { ROUTE_GROUPS, type GroupName } from "../route-groups/groups";

export { ROUTE_GROUPS, type GroupName };

/**
 * Which Lambda serves which paths, built from the route groups (route-groups/groups.ts): a Lambda
 * per group, whose entry is its folder's lambda.ts, plus the docs Lambda. stacks/Api.ts builds the
 * HTTP API routes from this table, and functions/test/lambda-routing.test.ts checks that every
 * operation of the API reaches the Lambda whose app has it. Everything not listed goes to the
 * platform Lambda ("$default").
 */
export type LambdaName = GroupName | "docs";

export const LAMBDA_HANDLERS = {
  ...(Object.fromEntries(ROUTE_GROUPS.map((group) => [group.name, `packages/functions/src/route-groups/${group.name}/lambda.handler`])) as Record<GroupName, string>),
  docs: "packages/functions/src/lambdas/docs.handler",
} satisfies Record<LambdaName, string>;

/** The API Gateway route keys of each Lambda but the platform's, which takes the rest. */
export const ROUTE_KEYS = {
  ...(Object.fromEntries(ROUTE_GROUPS.filter((group) => group.name !== "platform").map((group) => [group.name, [...group.routeKeys]])) as Record<
    Exclude<GroupName, "platform">,
    string[]
  >),
  docs: ["GET /v1/openapi.json", "GET /v1/reference"],
} satisfies Record<Exclude<LambdaName, "platform">, string[]>;

/**
 * esbuild settings every API Lambda is bundled with (stacks/Api.ts and the bench). Paths are
 * relative to the repository root, where SST and the bench run.
 */
export const LAMBDA_ESBUILD = {
  alias: { jsonschema: "./packages/functions/src/lambdas/jsonschema-stub.ts" },
  // SST keeps function names by default (+7% size); nothing here depends on minified names, and
  // lambda-bundles.test.ts runs the bundles as built to prove it.
  keepNames: false,
};
