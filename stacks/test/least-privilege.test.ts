import { beforeAll, describe, expect, it } from "vitest";
import { DUNNING_QUEUE_KEYS } from "../grants";
import { flatten, functions, importOf, only, rawRoleStatements, resources, roleStatements, type Statement } from "./cfn";
import { sharedTestSynth, type Synthesized } from "./synth-app";
import { API_MODULES, LAMBDA_HANDLERS, ROUTE_KEYS, type LambdaName } from "@studiosync/functions/routing";

// Reads the "test" stage app that synth.test.ts and jobs.test.ts also read (synthesized once per run).
const SSM = "arn:aws:ssm:us-east-1:123456789012:parameter/sst/studiosync";
const READS = ["GetItem", "BatchGetItem", "Query"];
const WRITES = ["PutItem", "UpdateItem", "ConditionCheckItem"];
const ITEM_ACTIONS = [...READS, ...WRITES, "DeleteItem", "BatchWriteItem"];

let t: Synthesized;
let tableArn: string;
let bucketArn: string;
beforeAll(async () => {
  t = await sharedTestSynth();
  tableArn = importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "Arn");
  bucketArn = importOf(t.storage, only(t.storage, "AWS::S3::Bucket").id, "Arn");
}, 600_000);

const lambda = (name: LambdaName) => {
  const found = functions(t.api, (p) => p.Handler === LAMBDA_HANDLERS[name]);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const allow = (actions: string[], list: string[]): Statement => ({ effect: "Allow", actions: [...actions].sort(), resources: [...list].sort(), unusual: [] });
const sort = (list: Statement[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
/** What every app Lambda has besides its data grants: its secret, the site URL, tracing. */
const baseline = (): Statement[] => [
  allow(["ssm:GetParameters"], [`${SSM}/test/Secret/APP_SECRET/value`, `${SSM}/.fallback/Secret/APP_SECRET/value`]),
  allow(["ssm:GetParameters"], [`${SSM}/test/AstroSite/Site/url`]),
  allow(["xray:PutTelemetryRecords", "xray:PutTraceSegments"], ["*"]),
];
const tableItems = () => [
  allow(
    ITEM_ACTIONS.map((a) => `dynamodb:${a}`),
    [tableArn],
  ),
  allow(["dynamodb:Query"], [`${tableArn}/index/*`]),
];

describe("issue 10 #27: least privilege per Lambda", () => {
  const withOwnGrants = new Set(["platform", "privacy", "pay", "resources", "messaging", "notices"]);
  it.each(API_MODULES.map((m) => m.name).filter((name) => !withOwnGrants.has(name)))("%s: table items; no files, no mail (the outbox sends it)", (name) => {
    expect(sort(roleStatements(t.api, lambda(name).Properties.Role))).toEqual(sort([...tableItems(), ...baseline()]));
  });

  it("platform: logos only (branding objects) and table items", () => {
    expect(sort(roleStatements(t.api, lambda("platform").Properties.Role))).toEqual(
      sort([...tableItems(), allow(["s3:GetObject", "s3:PutObject"], [`${bucketArn}/*/branding/*`]), ...baseline()]),
    );
  });

  it("privacy: privacy exports (write, read, delete), the person's documents (read into the export, deleted by erasure) and table items", () => {
    expect(sort(roleStatements(t.api, lambda("privacy").Properties.Role))).toEqual(
      sort([
        ...tableItems(),
        allow(["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], [`${bucketArn}/privacy-exports/*`]),
        allow(["s3:DeleteObject", "s3:GetObject"], [`${bucketArn}/*/resources/*`]),
        allow(["s3:DeleteObject", "s3:GetObject"], [`${bucketArn}/trash/*`]),
        ...baseline(),
      ]),
    );
  });

  it("resources: resource files and their trash (presigned uploads and downloads, the confirm's check, moves) and table items", () => {
    const files = ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"];
    expect(sort(roleStatements(t.api, lambda("resources").Properties.Role))).toEqual(
      sort([...tableItems(), allow(files, [`${bucketArn}/*/resources/*`]), allow(files, [`${bucketArn}/trash/*`]), ...baseline()]),
    );
  });

  it("messaging: message files (presigned uploads checked with a HEAD, presigned downloads) and table items", () => {
    expect(sort(roleStatements(t.api, lambda("messaging").Properties.Role))).toEqual(
      sort([...tableItems(), allow(["s3:GetObject", "s3:PutObject"], [`${bucketArn}/*/messages/*`]), ...baseline()]),
    );
  });

  it("notices: event files (presigned uploads checked with a HEAD, presigned downloads; events ride on it) and table items", () => {
    expect(sort(roleStatements(t.api, lambda("notices").Properties.Role))).toEqual(
      sort([...tableItems(), allow(["s3:GetObject", "s3:PutObject"], [`${bucketArn}/*/events/*`]), ...baseline()]),
    );
  });

  it("pay: reads, puts and updates; deletes only in the dunning queue (LeadingKeys); no BatchWrite, no Scan; logo reads only", () => {
    const role = lambda("pay").Properties.Role;
    const statements = roleStatements(t.api, role);
    const deletes = { ...allow(["dynamodb:DeleteItem"], [tableArn]), unusual: ["Condition"] };
    expect(sort(statements)).toEqual(
      sort([
        allow(
          [...READS, ...WRITES].map((a) => `dynamodb:${a}`),
          [tableArn],
        ),
        deletes,
        allow(["dynamodb:Query"], [`${tableArn}/index/*`]),
        allow(["s3:GetObject"], [`${bucketArn}/*/branding/*`]),
        ...baseline(),
      ]),
    );
    const condition = rawRoleStatements(t.api, role).find((s) => s.Action === "dynamodb:DeleteItem")?.Condition;
    expect(condition).toEqual({ "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [DUNNING_QUEUE_KEYS] } });
    expect(DUNNING_QUEUE_KEYS).toBe("$studiosync#day_*");
  });

  it("docs: no data, files, mail or secrets at all", () => {
    const statements = roleStatements(t.api, lambda("docs").Properties.Role);
    expect(statements.filter((s) => s.actions.some((a) => !a.startsWith("xray:")))).toEqual([]);
  });
});

describe("issue 10 #27: throttling, CORS, temporary files", () => {
  it("throttles every route of the API's default stage", () => {
    const stage = only(t.api, "AWS::ApiGatewayV2::Stage").resource.Properties;
    expect(stage.StageName).toBe("$default");
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 });
  });

  it("allows no CORS origin without the site's origin, and only the site's origin with it", async () => {
    expect(only(t.storage, "AWS::S3::Bucket").resource.Properties).not.toHaveProperty("CorsConfiguration");
    // production.test.ts synthesizes with STUDIOSYNC_WEB_URL and asserts exactly that origin.
  });

  it("expires privacy exports after 2 days, trashed resource files after 35 and received replies by email after 30, and aborts stale multipart uploads", () => {
    const rules = only(t.storage, "AWS::S3::Bucket").resource.Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual([
      {
        Id: "expire-privacy-exports",
        Prefix: "privacy-exports/",
        ExpirationInDays: 2,
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        Status: "Enabled",
      },
      {
        Id: "expire-trash",
        Prefix: "trash/",
        ExpirationInDays: 35,
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        Status: "Enabled",
      },
      {
        Id: "expire-inbound",
        Prefix: "inbound/",
        ExpirationInDays: 30,
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        Status: "Enabled",
      },
    ]);
  });
});

describe("issue 10 #29: a max-size CSV import fits its Lambda", () => {
  it("gives the Lambda behind POST …/imports 29 s (the HTTP API's limit is 30 s) and 1 GB", () => {
    expect(ROUTE_KEYS.people).toContain("ANY /v1/studios/{studioId}/imports");
    const route = Object.values(resources(t.api, "AWS::ApiGatewayV2::Route")).find((r) => r.Properties.RouteKey === "ANY /v1/studios/{studioId}/imports")!;
    const integration = resources(t.api, "AWS::ApiGatewayV2::Integration")[flatten(route.Properties.Target).replace("integrations/ref:", "")]!.Properties;
    const fn = resources(t.api, "AWS::Lambda::Function")[flatten(integration.IntegrationUri).replace(/^getatt:|\.Arn$/g, "")]!.Properties;
    expect(fn).toMatchObject({ Handler: LAMBDA_HANDLERS.people, Timeout: 29, MemorySize: 1024 });
    expect(integration.TimeoutInMillis ?? 30_000).toBeGreaterThan(fn.Timeout * 1000);
    // Every other API Lambda keeps the default.
    for (const name of ["platform", "access", "billing", "pay"] as const) expect(lambda(name).Properties).toMatchObject({ Timeout: 10, MemorySize: 512 });
  });
});
