import { beforeAll, describe, expect, it } from "vitest";
import { createTableInput } from "@studiosync/core/kernel";
import { allStatements, flatten, functions, importOf, only, resources, roleStatements, type Statement } from "./cfn";
import { SYNTH_TIMEOUT, sharedTestSynth, type Synthesized } from "./synth-app";
import { LAMBDA_HANDLERS, ROUTE_KEYS } from "@studiosync/functions/routing";

const { platform: PLATFORM, docs: DOCS } = LAMBDA_HANDLERS;
const APP_HANDLERS = [PLATFORM, LAMBDA_HANDLERS.people, LAMBDA_HANDLERS.access];
const SCOPED_SERVICES = ["dynamodb", "s3", "ses"];

const apiFunction = (t: Synthesized, handler: string) => functions(t.api, (p) => p.Handler === handler);

let t: Synthesized;
beforeAll(async () => {
  t = await sharedTestSynth();
}, SYNTH_TIMEOUT);

describe("Storage", () => {
  it("creates the single table exactly as core defines it", () => {
    const table = only(t.storage, "AWS::DynamoDB::Table").resource;
    const core = createTableInput("x");
    expect(table.Properties).toMatchObject({
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: ["gsi1", "gsi2", "gsi3"].map((name) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: `${name}pk`, KeyType: "HASH" },
          { AttributeName: `${name}sk`, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
      StreamSpecification: { StreamViewType: "NEW_AND_OLD_IMAGES" },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: false,
    });
    // Same shape as the table the local runtime creates from createTableInput().
    expect(table.Properties.KeySchema).toEqual(core.KeySchema);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(core.GlobalSecondaryIndexes);
    expect(table.Properties.AttributeDefinitions).toEqual(core.AttributeDefinitions);
    expect(table.DeletionPolicy).toBe("Delete");
  });

  it("keeps the files bucket private, encrypted, TLS-only, with no CORS without a site origin (issue 10 #27)", () => {
    const { id, resource } = only(t.storage, "AWS::S3::Bucket");
    expect(resource.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] },
    });
    expect(resource.Properties).not.toHaveProperty("CorsConfiguration");
    const policy = only(t.storage, "AWS::S3::BucketPolicy").resource.Properties;
    expect(policy.Bucket).toEqual({ Ref: id });
    expect(policy.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
  });
});

describe("Email", () => {
  it("creates the SES domain identity attached to the configuration set", () => {
    const set = only(t.email, "AWS::SES::ConfigurationSet");
    expect(set.resource.Properties.Name).toBe("test-studiosync-mail");
    expect(only(t.email, "AWS::SES::EmailIdentity").resource.Properties).toMatchObject({
      EmailIdentity: "studiosync.example",
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: set.id } },
    });
  });
});

describe("Api", () => {
  it("routes each path group to its Lambda, and everything else to the platform", () => {
    const api = only(t.api, "AWS::ApiGatewayV2::Api");
    expect(api.resource.Properties.ProtocolType).toBe("HTTP");
    const handlerOf: Record<string, string> = {};
    for (const route of Object.values(resources(t.api, "AWS::ApiGatewayV2::Route"))) {
      expect(route.Properties.ApiId).toEqual({ Ref: api.id });
      const integrationId = flatten(route.Properties.Target).replace("integrations/ref:", "");
      const integration = resources(t.api, "AWS::ApiGatewayV2::Integration")[integrationId]!.Properties;
      const fnId = flatten(integration.IntegrationUri).replace(/^getatt:|\.Arn$/g, "");
      handlerOf[route.Properties.RouteKey] = resources(t.api, "AWS::Lambda::Function")[fnId]!.Properties.Handler;
    }
    expect(handlerOf).toEqual({
      $default: PLATFORM,
      ...Object.fromEntries(
        Object.entries(ROUTE_KEYS).flatMap(([lambda, keys]) => keys.map((key) => [key, LAMBDA_HANDLERS[lambda as keyof typeof ROUTE_KEYS]])),
      ),
    });
  });

  it("gives each Lambda one integration and one invoke permission, for this API only, whatever its number of routes", () => {
    const api = only(t.api, "AWS::ApiGatewayV2::Api").id;
    const lambdaIds = Object.keys(resources(t.api, "AWS::Lambda::Function")).filter((id) =>
      Object.values(LAMBDA_HANDLERS).includes(resources(t.api, "AWS::Lambda::Function")[id]!.Properties.Handler),
    );
    const integrated = Object.values(resources(t.api, "AWS::ApiGatewayV2::Integration")).map((i) => flatten(i.Properties.IntegrationUri));
    expect(integrated.sort()).toEqual(lambdaIds.map((id) => `getatt:${id}.Arn`).sort());
    const invokers = Object.values(resources(t.api, "AWS::Lambda::Permission")).filter((p) => p.Properties.Principal === "apigateway.amazonaws.com");
    expect(invokers.map((p) => flatten(p.Properties.FunctionName)).sort()).toEqual(lambdaIds.map((id) => `getatt:${id}.Arn`).sort());
    for (const permission of invokers) expect(flatten(permission.Properties.SourceArn)).toMatch(new RegExp(`ref:${api}/\\*/\\*(/\\*)?$`));
  });

  it.each(APP_HANDLERS)("runs %s on nodejs22.x/arm64 with the contract's environment", (handler) => {
    const fns = apiFunction(t, handler);
    expect(fns).toHaveLength(1);
    const props = fns[0]!.Properties;
    expect(props).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
    const env = props.Environment.Variables;
    expect(env).toMatchObject({
      STAGE: "test",
      MAIL_FROM: "StudioSync <no-reply@studiosync.example>",
      SES_CONFIGURATION_SET: "test-studiosync-mail",
      // Placeholders: the handler loads these from SSM at cold start (see stacks/Api.ts, stacks/Web.ts).
      SST_Secret_value_APP_SECRET: "__FETCH_FROM_SSM__",
      SST_AstroSite_url_Site: "__FETCH_FROM_SSM__",
    });
    expect(flatten(env.TABLE_NAME)).toBe(importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id));
    expect(flatten(env.BUCKET_NAME)).toBe(importOf(t.storage, only(t.storage, "AWS::S3::Bucket").id));
    expect(env).not.toHaveProperty("APP_SECRET");
    expect(env).not.toHaveProperty("WEB_URL");
  });
});

describe("Docs Lambda", () => {
  it("serves the API description with no access to data or mail", () => {
    const [docs] = apiFunction(t, DOCS);
    expect(docs?.Properties.Environment?.Variables ?? {}).not.toHaveProperty("TABLE_NAME");
    const statements = roleStatements(t.api, docs!.Properties.Role);
    expect(statements.filter((s) => s.actions.some((a) => /^(dynamodb|s3|ses|ssm):/.test(a)))).toEqual([]);
  });
});

describe("Web", () => {
  it("serves the Astro site from a nodejs22.x function that knows the API URL", () => {
    const servers = functions(t.web, (p) => p.Environment?.Variables?.API_URL !== undefined);
    expect(servers).toHaveLength(1);
    const props = servers[0]!.Properties;
    expect(props.Runtime).toBe("nodejs22.x");
    expect(props.Handler).toBe("web/dist/server/entry.handler");
    const api = only(t.api, "AWS::ApiGatewayV2::Api").id;
    expect(flatten(props.Environment.Variables.API_URL)).toBe(importOf(t.api, api, "ApiEndpoint"));
  });

  it("publishes the site URL where the API role may read it", () => {
    const param = Object.values(resources(t.web, "AWS::SSM::Parameter")).find((p) => p.Properties.Name === "/sst/studiosync/test/AstroSite/Site/url");
    expect(flatten(param?.Properties.Value)).toMatch(/^https:\/\/getatt:SiteDistribution\w+\.DomainName$/);
  });
});

describe("IAM across all stacks", () => {
  const scoped = (s: Statement) => s.actions.some((a) => SCOPED_SERVICES.includes(a.split(":")[0]!));

  it("has no wildcard actions and no wildcard resources for DynamoDB, S3 or SES", () => {
    const statements = allStatements(t.storage, t.email, t.api, t.web);
    expect(statements.length).toBeGreaterThan(5);
    const wildcards = statements.filter(
      (s) =>
        s.actions.some((a) => a === "*" || SCOPED_SERVICES.some((svc) => a === `${svc}:*`)) ||
        // A Condition only narrows a statement; NotAction, NotResource and Principal widen or change it.
        (scoped(s) && (s.resources.includes("*") || s.unusual.some((key) => key !== "Condition"))),
    );
    expect(wildcards).toEqual([]);
  });

  it("lets nothing but the API touch the table, the files bucket or SES, and nothing Scan", () => {
    const tableId = only(t.storage, "AWS::DynamoDB::Table").id;
    const bucketId = only(t.storage, "AWS::S3::Bucket").id;
    const ours = [importOf(t.storage, tableId, "Arn"), importOf(t.storage, bucketId, "Arn"), `getatt:${tableId}`, `getatt:${bucketId}`];
    const others = allStatements(t.storage, t.email, t.web);
    expect(others.filter((s) => s.actions.some((a) => /^(dynamodb|ses):/.test(a)))).toEqual([]);
    expect(others.filter((s) => s.resources.some((r) => ours.some((arn) => r.startsWith(arn))))).toEqual([]);
    expect(allStatements(t.api).flatMap((s) => s.actions)).not.toContain("dynamodb:Scan");
  });

  it("runs every Lambda in the app on nodejs22.x", () => {
    const runtimes = [t.storage, t.email, t.api, t.web].flatMap((tpl) => functions(tpl, () => true).map((f) => f.Properties.Runtime));
    expect(new Set(runtimes)).toEqual(new Set(["nodejs22.x"]));
  });

  it("keeps every stack within CloudFormation's 500 resources a template (a deploy over it fails)", () => {
    const counts = Object.fromEntries(Object.entries(t).map(([stack, tpl]) => [stack, Object.keys(tpl.toJSON().Resources ?? {}).length]));
    expect(Object.entries(counts).filter(([, n]) => n > 500)).toEqual([]);
  });
});
