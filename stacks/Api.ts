import { Api as HttpApi, Config, Function, getStack, use, type FunctionProps, type StackContext } from "sst/constructs";
import { LAMBDA_ESBUILD, LAMBDA_HANDLERS, ROUTE_KEYS } from "../packages/functions/src/lambdas/routing";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Storage } from "./Storage";
import { Email } from "./Email";
import { webUrl } from "./settings";

/** Item-level actions ElectroDB needs. Transactions are authorized per contained item action. */
const TABLE_ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:Query",
];

export function Api({ stack, app }: StackContext) {
  const { table, files } = use(Storage);
  const email = use(Email);
  // Email's outputs are plain strings, so declare the ordering CloudFormation cannot infer.
  stack.addDependency(getStack(Email));

  // Set with `npx sst secrets set APP_SECRET <value> --stage <stage>`; fetched from SSM at cold start.
  const appSecret = new Config.Secret(stack, "APP_SECRET");

  const tableAccess = [
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: TABLE_ITEM_ACTIONS,
      resources: [table.tableArn],
    }),
    // Indexes are only ever queried; no Scan anywhere (jobs read sparse indexes).
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ["dynamodb:Query"],
      resources: [`${table.tableArn}/index/*`],
    }),
  ];
  const sendEmail = new PolicyStatement({
    effect: Effect.ALLOW,
    actions: ["ses:SendEmail", "ses:SendRawEmail"],
    resources: [email.identityArn, email.configurationSetArn],
  });
  const permissions = [
    ...tableAccess,
    // Presigned PUT/GET are signed with this role, so it needs the object actions itself.
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ["s3:GetObject", "s3:PutObject"],
      resources: [`${files.bucketArn}/*`],
    }),
    sendEmail,
  ];

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
    permissions,
    environment: {
      STAGE: app.stage,
      TABLE_NAME: table.tableName,
      BUCKET_NAME: files.bucketName,
      MAIL_FROM: email.mailFrom,
      SES_CONFIGURATION_SET: email.configurationSetName,
      // Without a custom domain the URL comes from the AstroSite binding added in Web.ts.
      ...(siteUrl ? { WEB_URL: siteUrl } : {}),
    },
  } satisfies Omit<FunctionProps, "handler">;
  const appFunction = (id: string, handler: string) => new Function(stack, id, { ...appFunctionProps, handler });

  // One HTTP API, a Lambda per module group, so each bundle carries only its own code (routing.ts).
  const platform = appFunction("PlatformFunction", LAMBDA_HANDLERS.platform);
  const people = appFunction("PeopleFunction", LAMBDA_HANDLERS.people);
  const access = appFunction("AccessFunction", LAMBDA_HANDLERS.access);
  const scheduling = appFunction("SchedulingFunction", LAMBDA_HANDLERS.scheduling);
  const planning = appFunction("PlanningFunction", LAMBDA_HANDLERS.planning);
  const teaching = appFunction("TeachingFunction", LAMBDA_HANDLERS.teaching);
  const billing = appFunction("BillingFunction", LAMBDA_HANDLERS.billing);
  const pay = appFunction("PayFunction", LAMBDA_HANDLERS.pay);
  const docs = new Function(stack, "DocsFunction", {
    handler: LAMBDA_HANDLERS.docs,
    runtime: "nodejs22.x",
    architecture: "arm_64",
    memorySize: 256,
    timeout: 5,
    nodejs: { format: "esm", minify: true },
  });
  const api = new HttpApi(stack, "Api", {
    routes: {
      $default: platform,
      ...Object.fromEntries(ROUTE_KEYS.people.map((key) => [key, people])),
      ...Object.fromEntries(ROUTE_KEYS.access.map((key) => [key, access])),
      ...Object.fromEntries(ROUTE_KEYS.scheduling.map((key) => [key, scheduling])),
      ...Object.fromEntries(ROUTE_KEYS.planning.map((key) => [key, planning])),
      ...Object.fromEntries(ROUTE_KEYS.teaching.map((key) => [key, teaching])),
      ...Object.fromEntries(ROUTE_KEYS.billing.map((key) => [key, billing])),
      ...Object.fromEntries(ROUTE_KEYS.pay.map((key) => [key, pay])),
      ...Object.fromEntries(ROUTE_KEYS.docs.map((key) => [key, docs])),
    },
  });

  stack.addOutputs({ ApiUrl: api.url });
  // Jobs (stacks/Jobs.ts) run with the same props, without the files bucket.
  return { api, appSecret, appFunctionProps, sendEmail, jobPermissions: [...tableAccess, sendEmail], appFunctions: [platform, people, access, scheduling, planning, teaching, billing, pay] };
}
