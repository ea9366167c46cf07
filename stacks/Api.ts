import { HttpMethod, HttpRoute, HttpRouteKey, type CfnRoute } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Api as HttpApi, Config, Function, getStack, use, type FunctionProps, type StackContext } from "sst/constructs";
import { LAMBDA_ESBUILD, LAMBDA_HANDLERS, API_MODULES, ROUTE_KEYS, type ModuleName, type LambdaName } from "@studiosync/functions/routing";
import { Storage } from "./Storage";
import { Email } from "./Email";
import { apiGrants, grantStatements, type GrantResources } from "./grants";
import { API_THROTTLE, replyDomain, webUrl } from "./settings";

/**
 * Lambdas that need more than the default 10 s / 512 MB. People: a max-size CSV import (1,000 rows,
 * ~31 transactions) takes seconds; 29 s is the most an HTTP API integration waits (30 s).
 */
const SIZING: Partial<Record<LambdaName, { timeout: number; memorySize: number }>> = {
  people: { timeout: 29, memorySize: 1024 },
};

export function Api({ stack, app }: StackContext) {
  const { table, files } = use(Storage);
  const email = use(Email);
  // Email's outputs are plain strings, so declare the ordering CloudFormation cannot infer.
  stack.addDependency(getStack(Email));

  // Set with `npx sst secrets set APP_SECRET <value> --stage <stage>`; fetched from SSM at cold start.
  const appSecret = new Config.Secret(stack, "APP_SECRET");

  const grantResources: GrantResources = {
    tableArn: table.tableArn,
    bucketArn: files.bucketArn,
    emailArns: [email.identityArn, email.configurationSetArn],
  };

  const siteUrl = webUrl();
  /** What every app Lambda (API and jobs, stacks/Jobs.ts) runs with; add `handler`. */
  const appFunctionProps = {
    runtime: "nodejs22.x",
    architecture: "arm_64",
    memorySize: 512,
    timeout: 10,
    // Code splitting keeps lazily imported modules (SST's SSM binding, S3, SES) out of the cold
    // start: esbuild would otherwise hoist their SDK imports into the entry file.
    nodejs: { format: "esm", minify: true, splitting: true, esbuild: LAMBDA_ESBUILD },
    bind: [appSecret],
    environment: {
      STAGE: app.stage,
      TABLE_NAME: table.tableName,
      BUCKET_NAME: files.bucketName,
      MAIL_FROM: email.mailFrom,
      SES_CONFIGURATION_SET: email.configurationSetName,
      REPLY_DOMAIN: replyDomain(),
      // Without a custom domain the URL comes from the AstroSite binding added in Web.ts.
      ...(siteUrl ? { WEB_URL: siteUrl } : {}),
    },
  } satisfies Omit<FunctionProps, "handler">;
  /** An API Lambda with its own grants (stacks/grants.ts) and sizing. */
  const appFunction = (name: ModuleName) =>
    new Function(stack, `${name[0]!.toUpperCase()}${name.slice(1)}Function`, {
      ...appFunctionProps,
      ...SIZING[name],
      handler: LAMBDA_HANDLERS[name],
      permissions: grantStatements(grantResources, apiGrants(name)),
    });

  // One HTTP API, a Lambda per API module, so each bundle carries only its own code (routing.ts).
  const modules = Object.fromEntries(API_MODULES.map((module) => [module.name, appFunction(module.name)])) as Record<ModuleName, Function>;
  const docs = new Function(stack, "DocsFunction", {
    handler: LAMBDA_HANDLERS.docs,
    runtime: "nodejs22.x",
    architecture: "arm_64",
    memorySize: 256,
    timeout: 5,
    nodejs: { format: "esm", minify: true },
  });
  const lambdas: Record<Exclude<LambdaName, "platform">, Function> = { ...modules, docs };
  const api = new HttpApi(stack, "Api", {
    // Every route's default stage limit; API Gateway answers 429 beyond it.
    defaults: { throttle: API_THROTTLE },
    routes: { $default: modules.platform },
  });
  routeToLambdas(api, lambdas);

  stack.addOutputs({ ApiUrl: api.url });
  // Jobs (stacks/Jobs.ts) run with the same props and their own grants.
  return {
    api,
    appSecret,
    appFunctionProps,
    grantResources,
    appFunctions: Object.values(modules),
  };
}

/**
 * The route keys of each Lambda (routing.ts), sharing one integration and one invoke permission
 * per Lambda: SST's `routes` would make an integration and a permission for every key (3
 * resources a key instead of 1), and CloudFormation allows 500 resources a template. The routes
 * keep the ids SST gives them, so a deployed API updates them in place.
 */
function routeToLambdas(api: HttpApi, lambdas: Record<Exclude<LambdaName, "platform">, Function>) {
  for (const [name, keys] of Object.entries(ROUTE_KEYS)) {
    const integration = new HttpLambdaIntegration(`${name}Integration`, lambdas[name as keyof typeof lambdas], { scopePermissionToRoute: false });
    for (const key of keys) {
      const [method, path] = key.split(" ") as [keyof typeof HttpMethod, string];
      const route = new HttpRoute(api, `Route_${method}_${path}`, {
        httpApi: api.cdk.httpApi,
        routeKey: HttpRouteKey.with(path, HttpMethod[method]),
        integration,
      });
      (route.node.defaultChild as CfnRoute).authorizationType = "NONE";
    }
  }
}
