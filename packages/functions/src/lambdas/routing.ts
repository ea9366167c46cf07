import type { LoadHooks } from "./strip-api-docs";
import { API_MODULES, type ModuleName } from "../modules/modules";

export { API_MODULES, type ModuleName };

/**
 * Which Lambda serves which paths, built from the API modules (modules/modules.ts): a Lambda
 * per module, whose entry is its folder's lambda.ts, plus the docs Lambda. stacks/Api.ts builds the
 * HTTP API routes from this table, and functions/test/lambda-routing.test.ts checks that every
 * operation of the API reaches the Lambda whose app has it. Everything not listed goes to the
 * platform Lambda ("$default").
 */
export type LambdaName = ModuleName | "docs";

export const LAMBDA_HANDLERS = {
  ...(Object.fromEntries(API_MODULES.map((module) => [module.name, `packages/functions/src/modules/${module.name}/lambda.handler`])) as Record<
    ModuleName,
    string
  >),
  docs: "packages/functions/src/lambdas/docs.handler",
} satisfies Record<LambdaName, string>;

/** The API Gateway route keys of each Lambda but the platform's, which takes the rest. */
export const ROUTE_KEYS = {
  ...(Object.fromEntries(API_MODULES.filter((module) => module.name !== "platform").map((module) => [module.name, [...module.routeKeys]])) as Record<
    Exclude<ModuleName, "platform">,
    string[]
  >),
  docs: ["GET /v1/openapi.json", "GET /v1/reference"],
} satisfies Record<Exclude<LambdaName, "platform">, string[]>;

/** The OpenAPI documentation is dead weight in a Lambda (strip-api-docs.ts); TypeScript is loaded only to bundle. */
const stripApiDocs = {
  name: "strip-api-docs",
  setup: async (build: LoadHooks) => (await import("./strip-api-docs")).loadWithoutApiDocs(build),
};

/**
 * The most a Lambda's bundle may weigh, its lazily loaded chunks included (the bench and
 * lambda-bundles.test.ts check it). 410 since every Lambda checks API keys on its authentication
 * path (about 4 KB, core/api-keys); the next cut is per-module permission catalogues and reasons.
 */
export const LAMBDA_BUNDLE_BUDGET_KB = 410;

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
  plugins: [stripApiDocs],
};
