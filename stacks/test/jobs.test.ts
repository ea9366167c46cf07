import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { JOBS, OUTBOX_RETRY_JOB } from "@studiosync/functions/jobs";
import { MATERIALS_CATCH_UP_HANDLER } from "../materials-catch-up-function";
import { METERING_HANDLER } from "../metering-function";
import { WEBHOOKS_HANDLER } from "../webhooks-function";
import { DELIVERY_ENTITY, EVENT_ENTITIES } from "@studiosync/core/webhooks";
import { SES_EVENTS_HANDLER } from "../ses-events-function";
import { INBOUND_EMAIL_HANDLER } from "../inbound-mail";
import { flatten, functions, importOf, only, resources, roleStatements } from "./cfn";
import { SYNTH_TIMEOUT, sharedTestSynth, type Synthesized } from "./synth-app";

// Reads the "test" stage app that synth.test.ts and least-privilege.test.ts also read
// (synthesized once per run).
const SES_ARN = "arn:aws:ses:us-east-1:123456789012";
const ITEM_ACTIONS = ["BatchGetItem", "BatchWriteItem", "ConditionCheckItem", "DeleteItem", "GetItem", "PutItem", "Query", "UpdateItem"];

let t: Synthesized;
let jobs: Template;
beforeAll(async () => {
  t = await sharedTestSynth();
  jobs = t.jobs;
}, SYNTH_TIMEOUT);

/** The stream event source mapping of the Lambda with this handler (the table's stream has four consumers). */
const mappingOf = (handler: string) => {
  const fnId = Object.entries(resources(jobs, "AWS::Lambda::Function")).find(([, f]) => f.Properties.Handler === handler)![0];
  const mappings = Object.values(resources(jobs, "AWS::Lambda::EventSourceMapping")).filter((m) => flatten(m.Properties.FunctionName) === `ref:${fnId}`);
  expect(mappings).toHaveLength(1);
  return mappings[0]!.Properties;
};

/** An Allow statement and a list of them in a stable order, to compare a role's statements with. */
const allow = (actions: string[], list: string[]) => ({ effect: "Allow", actions: actions.sort(), resources: list.sort(), unusual: [] });
const sort = (list: unknown[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

const jobFunction = (handler: string) => {
  const found = functions(jobs, (p) => p.Handler === handler);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("Jobs", () => {
  it("has one EventBridge rule per job, on the job's schedule, invoking that job's Lambda", () => {
    const rules = Object.values(resources(jobs, "AWS::Events::Rule"));
    expect(rules).toHaveLength(JOBS.length + 1);
    const fnIds = Object.entries(resources(jobs, "AWS::Lambda::Function"));
    const scheduleOf = Object.fromEntries(
      rules.map((rule) => {
        expect(rule.Properties.State).toBe("ENABLED");
        expect(rule.Properties.Targets).toHaveLength(1);
        const target = flatten(rule.Properties.Targets[0].Arn).replace(/^getatt:|\.Arn$/g, "");
        const fn = fnIds.find(([id]) => id === target)?.[1];
        return [fn?.Properties.Handler, rule.Properties.ScheduleExpression];
      }),
    );
    expect(scheduleOf).toEqual(Object.fromEntries([...JOBS, OUTBOX_RETRY_JOB].map((job) => [job.handler, job.schedule])));
    for (const job of [...JOBS, OUTBOX_RETRY_JOB]) {
      const permission = Object.values(resources(jobs, "AWS::Lambda::Permission")).find(
        (p) => flatten(p.Properties.FunctionName) === `getatt:${fnIds.find(([, f]) => f.Properties.Handler === job.handler)![0]}.Arn`,
      );
      expect(permission?.Properties).toMatchObject({ Action: "lambda:InvokeFunction", Principal: "events.amazonaws.com" });
    }
  });

  it.each(JOBS.map((job) => [job.name, job.handler]))("runs %s on nodejs22.x/arm64 with the API's environment", (_name, handler) => {
    const props = jobFunction(handler).Properties;
    expect(props).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], Timeout: 600 });
    const env = props.Environment.Variables;
    expect(env).toMatchObject({
      STAGE: "test",
      MAIL_FROM: "StudioSync <no-reply@studiosync.example>",
      SES_CONFIGURATION_SET: "test-studiosync-mail",
      SST_Secret_value_APP_SECRET: "__FETCH_FROM_SSM__",
    });
    expect(flatten(env.TABLE_NAME)).toBe(importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id));
    expect(flatten(env.BUCKET_NAME)).toBe(importOf(t.storage, only(t.storage, "AWS::S3::Bucket").id));
    expect(env).not.toHaveProperty("APP_SECRET");
    // Non-essential mail's one-click unsubscribe posts to the API (the site refuses cross-site POSTs).
    expect(JSON.stringify(env.API_URL)).toContain("ApiEndpoint");
  });

  it.each(JOBS.map((job) => [job.name, job.handler]))(
    "grants %s only the table's items and indexes and its secret (its mail goes through the outbox); the trash purge also deletes resource files",
    (name, handler) => {
      const tableArn = importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "Arn");
      const bucketArn = importOf(t.storage, only(t.storage, "AWS::S3::Bucket").id, "Arn");
      const ssm = "arn:aws:ssm:us-east-1:123456789012:parameter/sst/studiosync";
      const statements = roleStatements(jobs, jobFunction(handler).Properties.Role);
      expect(sort(statements)).toEqual(
        sort([
          allow(
            ITEM_ACTIONS.map((a) => `dynamodb:${a}`),
            [tableArn],
          ),
          allow(["dynamodb:Query"], [`${tableArn}/index/*`]),
          allow(["ssm:GetParameters"], [`${ssm}/test/Secret/APP_SECRET/value`, `${ssm}/.fallback/Secret/APP_SECRET/value`]),
          // The site's URL for email links (bound in Web.ts).
          allow(["ssm:GetParameters"], [`${ssm}/test/AstroSite/Site/url`]),
          allow(["xray:PutTelemetryRecords", "xray:PutTraceSegments"], ["*"]),
          ...(name === "PurgeTrash" ? [allow(["s3:DeleteObject"], [`${bucketArn}/*/resources/*`]), allow(["s3:DeleteObject"], [`${bucketArn}/trash/*`])] : []),
        ]),
      );
      expect(statements.flatMap((s) => s.actions)).not.toContain("dynamodb:Scan");
    },
  );
});

describe("issue 10 #21: the outbox consumer and its retry job", () => {
  const tableArn = () => importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "Arn");
  const streamArn = () => importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "StreamArn");
  const sesSend = {
    effect: "Allow",
    actions: ["ses:SendEmail", "ses:SendRawEmail"],
    resources: [`${SES_ARN}:configuration-set/test-studiosync-mail`, `${SES_ARN}:identity/studiosync.example`],
    unusual: [],
  };
  const updateItems = () => ({ effect: "Allow", actions: ["dynamodb:UpdateItem"], resources: [tableArn()], unusual: [] });
  // The undeliverable address of a message's recipient, read by key before sending (issue 12).
  const readAddress = () => ({ effect: "Allow", actions: ["dynamodb:GetItem"], resources: [tableArn()], unusual: [] });
  const xray = { effect: "Allow", actions: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], resources: ["*"], unusual: [] };

  it("#21: a Lambda consumes the table's stream: outbox inserts only, in batches, bisecting on error, reporting failed items", () => {
    const consumer = jobFunction("packages/functions/src/jobs/outbox-consumer.handler");
    expect(consumer.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
    expect(consumer.Properties.Environment.Variables).not.toHaveProperty("SST_Secret_value_APP_SECRET");
    const mapping = mappingOf("packages/functions/src/jobs/outbox-consumer.handler");
    expect(flatten(mapping.EventSourceArn)).toBe(streamArn());
    expect(mapping).toMatchObject({
      StartingPosition: "TRIM_HORIZON",
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
    const patterns = mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([{ eventName: ["INSERT"], dynamodb: { NewImage: { __edb_e__: { S: ["outboxMessage"] } } } }]);
  });

  it("#21: the consumer may only update items, get items by key, send mail and read the stream", () => {
    const statements = roleStatements(jobs, jobFunction("packages/functions/src/jobs/outbox-consumer.handler").Properties.Role);
    expect(sort(statements)).toEqual(
      sort([
        updateItems(),
        readAddress(),
        // A notice's recipient: their login and their preference, read together (issue 16).
        { effect: "Allow", actions: ["dynamodb:BatchGetItem"], resources: [tableArn()], unusual: [] },
        sesSend,
        { effect: "Allow", actions: ["dynamodb:ListStreams"], resources: ["*"], unusual: [] },
        { effect: "Allow", actions: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], resources: [streamArn()], unusual: [] },
        xray,
      ]),
    );
  });

  it("#21: the retry job runs every minute and may only query the outbox's index, update items, get an item by key and send mail", () => {
    const retries = jobFunction(OUTBOX_RETRY_JOB.handler);
    expect(retries.Properties.Environment.Variables).not.toHaveProperty("SST_Secret_value_APP_SECRET");
    const statements = roleStatements(jobs, retries.Properties.Role);
    expect(sort(statements)).toEqual(
      sort([
        updateItems(),
        readAddress(),
        { effect: "Allow", actions: ["dynamodb:Query"], resources: [`${tableArn()}/index/gsi1`], unusual: [] },
        sesSend,
        xray,
      ]),
    );
    expect(OUTBOX_RETRY_JOB.schedule).toBe("rate(1 minute)");
  });
});

describe("late joiners' materials: the stream's second consumer", () => {
  const tableArn = () => importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "Arn");
  const streamArn = () => importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "StreamArn");

  it("consumes students and bands written or changed, in batches, bisecting on error, reporting failed items; no secret", () => {
    const fn = jobFunction(MATERIALS_CATCH_UP_HANDLER);
    expect(fn.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
    expect(fn.Properties.Environment.Variables).not.toHaveProperty("SST_Secret_value_APP_SECRET");
    // The outbox, the late joiners, metering and webhooks each read the stream.
    expect(Object.values(resources(jobs, "AWS::Lambda::EventSourceMapping"))).toHaveLength(4);
    const mapping = mappingOf(MATERIALS_CATCH_UP_HANDLER);
    expect(flatten(mapping.EventSourceArn)).toBe(streamArn());
    expect(mapping).toMatchObject({ StartingPosition: "TRIM_HORIZON", BisectBatchOnFunctionError: true, FunctionResponseTypes: ["ReportBatchItemFailures"] });
    const patterns = mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([{ eventName: ["INSERT", "MODIFY"], dynamodb: { NewImage: { __edb_e__: { S: ["student", "band"] } } } }]);
  });

  it("may only get items, query the shares-by-audience index, put items on condition and read the stream", () => {
    const statements = roleStatements(jobs, jobFunction(MATERIALS_CATCH_UP_HANDLER).Properties.Role);
    const xray = { effect: "Allow", actions: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], resources: ["*"], unusual: [] };
    expect(sort(statements)).toEqual(
      sort([
        {
          effect: "Allow",
          actions: ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:GetItem", "dynamodb:PutItem"],
          resources: [tableArn()],
          unusual: [],
        },
        { effect: "Allow", actions: ["dynamodb:Query"], resources: [`${tableArn()}/index/gsi1`], unusual: [] },
        { effect: "Allow", actions: ["dynamodb:ListStreams"], resources: ["*"], unusual: [] },
        { effect: "Allow", actions: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], resources: [streamArn()], unusual: [] },
        xray,
      ]),
    );
  });
});

describe("metering: the stream's third consumer", () => {
  const tableArn = () => importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "Arn");
  const streamArn = () => importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "StreamArn");

  it("consumes lessons, outbox messages and studios written or changed, bisecting on error, reporting failed items; no secret", () => {
    const fn = jobFunction(METERING_HANDLER);
    expect(fn.Properties.Environment.Variables).not.toHaveProperty("SST_Secret_value_APP_SECRET");
    const mapping = mappingOf(METERING_HANDLER);
    expect(flatten(mapping.EventSourceArn)).toBe(streamArn());
    expect(mapping).toMatchObject({ StartingPosition: "TRIM_HORIZON", BisectBatchOnFunctionError: true, FunctionResponseTypes: ["ReportBatchItemFailures"] });
    const patterns = mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([{ eventName: ["INSERT", "MODIFY"], dynamodb: { NewImage: { __edb_e__: { S: ["lesson", "outboxMessage", "studio"] } } } }]);
  });

  it("may only get items, put and update them (a mark and its counter, in one transaction) and read the stream", () => {
    const statements = roleStatements(jobs, jobFunction(METERING_HANDLER).Properties.Role);
    const xray = { effect: "Allow", actions: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], resources: ["*"], unusual: [] };
    expect(sort(statements)).toEqual(
      sort([
        {
          effect: "Allow",
          actions: ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
          resources: [tableArn()],
          unusual: [],
        },
        { effect: "Allow", actions: ["dynamodb:ListStreams"], resources: ["*"], unusual: [] },
        { effect: "Allow", actions: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], resources: [streamArn()], unusual: [] },
        xray,
      ]),
    );
  });
});

describe("outbound webhooks: the stream's fourth consumer", () => {
  const tableArn = () => importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "Arn");
  const streamArn = () => importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "StreamArn");

  it("consumes the events' records and new deliveries, bisecting on error, reporting failed items", () => {
    const mapping = mappingOf(WEBHOOKS_HANDLER);
    expect(flatten(mapping.EventSourceArn)).toBe(streamArn());
    expect(mapping).toMatchObject({ StartingPosition: "TRIM_HORIZON", BisectBatchOnFunctionError: true, FunctionResponseTypes: ["ReportBatchItemFailures"] });
    const patterns = mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([{ eventName: ["INSERT", "MODIFY"], dynamodb: { NewImage: { __edb_e__: { S: [...EVENT_ENTITIES, DELIVERY_ENTITY] } } } }]);
  });

  it("may only read items and the studio's partitions, put and update on condition, and read the stream: no deletes, no files, no mail", () => {
    const statements = roleStatements(jobs, jobFunction(WEBHOOKS_HANDLER).Properties.Role);
    const xray = { effect: "Allow", actions: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], resources: ["*"], unusual: [] };
    const tableStatement = statements.find((st) => st.resources.includes(tableArn()));
    expect(tableStatement?.actions).toEqual([
      "dynamodb:BatchGetItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]);
    const actions = statements.flatMap((st) => st.actions);
    expect(actions.filter((a) => /Delete|Scan|^s3:|^ses:/.test(a))).toEqual([]);
    expect(statements).toContainEqual(xray);
    expect(statements).toContainEqual({
      effect: "Allow",
      actions: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
      resources: [streamArn()],
      unusual: [],
    });
  });
});

describe("issue 12: bounces and complaints", () => {
  const tableArn = () => importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "Arn");
  const topic = () => only(t.email, "AWS::SNS::Topic");

  it("the configuration set publishes bounces, complaints, deliveries and opens (only) to an SNS topic SES may publish to", () => {
    const destination = only(t.email, "AWS::SES::ConfigurationSetEventDestination").resource.Properties;
    expect(destination.ConfigurationSetName).toEqual({ Ref: only(t.email, "AWS::SES::ConfigurationSet").id });
    expect(destination.EventDestination).toMatchObject({
      Enabled: true,
      // Deliveries and opens move the delivery receipts of tracked mailings (announcements).
      MatchingEventTypes: ["bounce", "complaint", "delivery", "open"],
      SnsDestination: { TopicARN: { Ref: topic().id } },
    });
    const policy = only(t.email, "AWS::SNS::TopicPolicy").resource.Properties.PolicyDocument.Statement;
    expect(policy).toContainEqual(expect.objectContaining({ Action: "sns:Publish", Effect: "Allow", Principal: { Service: "ses.amazonaws.com" } }));
  });

  it("a Lambda subscribed to the topic may only put and update table items: no secret, no mail, no reads", () => {
    const fn = jobFunction(SES_EVENTS_HANDLER);
    expect(fn.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
    expect(fn.Properties.Environment.Variables).not.toHaveProperty("SST_Secret_value_APP_SECRET");
    const subscriptions = Object.values(resources(jobs, "AWS::SNS::Subscription"));
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]!.Properties.Protocol).toBe("lambda");
    expect(flatten(subscriptions[0]!.Properties.TopicArn)).toBe(importOf(t.email, topic().id));
    const statements = roleStatements(jobs, fn.Properties.Role);
    expect(statements.filter((s) => !s.actions.every((a) => a.startsWith("xray:")))).toEqual([
      { effect: "Allow", actions: ["dynamodb:PutItem", "dynamodb:UpdateItem"], resources: [tableArn()], unusual: [] },
    ]);
  });
});

describe("issue 16: replies by email", () => {
  const tableArn = () => importOf(t.storage, only(t.storage, "AWS::DynamoDB::Table").id, "Arn");
  const bucket = () => only(t.storage, "AWS::S3::Bucket");

  it("an SES receipt rule for the reply domain stores each message under inbound/ and then invokes the inbound Lambda", () => {
    const rule = only(jobs, "AWS::SES::ReceiptRule").resource.Properties;
    expect(rule.Rule).toMatchObject({ Enabled: true, Recipients: ["reply.studiosync.example"], ScanEnabled: true });
    const [store, invoke] = rule.Rule.Actions;
    expect(store.S3Action.ObjectKeyPrefix).toBe("inbound/");
    expect(flatten(store.S3Action.BucketName)).toBe(importOf(t.storage, bucket().id));
    const fnId = Object.entries(resources(jobs, "AWS::Lambda::Function")).find(([, f]) => f.Properties.Handler === INBOUND_EMAIL_HANDLER)![0];
    expect(flatten(invoke.LambdaAction.FunctionArn)).toBe(`getatt:${fnId}.Arn`);
    expect(invoke.LambdaAction.InvocationType).toBe("Event");
    const permission = Object.values(resources(jobs, "AWS::Lambda::Permission")).find((p) => flatten(p.Properties.FunctionName) === `getatt:${fnId}.Arn`);
    expect(permission?.Properties).toMatchObject({ Action: "lambda:InvokeFunction", Principal: "ses.amazonaws.com" });
    // SES may write only there, for this account.
    const policy = only(t.storage, "AWS::S3::BucketPolicy").resource.Properties.PolicyDocument.Statement;
    expect(policy).toContainEqual(expect.objectContaining({ Action: "s3:PutObject", Effect: "Allow", Principal: { Service: "ses.amazonaws.com" } }));
  });

  it("the inbound Lambda reads the inbound area, writes message files, has the table's items and its secret, sends no mail", () => {
    const fn = jobFunction(INBOUND_EMAIL_HANDLER);
    expect(fn.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
    expect(fn.Properties.Environment.Variables).toMatchObject({ REPLY_DOMAIN: "reply.studiosync.example", SST_Secret_value_APP_SECRET: "__FETCH_FROM_SSM__" });
    const bucketArn = importOf(t.storage, bucket().id, "Arn");
    const statements = roleStatements(jobs, fn.Properties.Role).filter((s) => !s.actions.every((a) => a.startsWith("xray:") || a.startsWith("ssm:")));
    expect(sort(statements)).toEqual(
      sort([
        allow(
          ITEM_ACTIONS.map((a) => `dynamodb:${a}`),
          [tableArn()],
        ),
        allow(["dynamodb:Query"], [`${tableArn()}/index/*`]),
        allow(["s3:GetObject"], [`${bucketArn}/inbound/*`]),
        allow(["s3:PutObject"], [`${bucketArn}/*/messages/*`]),
      ]),
    );
  });
});
