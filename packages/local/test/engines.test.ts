import { randomUUID } from "node:crypto";
import { DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { GetBucketCorsCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { SendEmailCommand } from "@aws-sdk/client-ses";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ensureTableAndBucket, localDynamoClient, localS3Client, localSesClient } from "../src/engines/index";
import { extractLink, readMail } from "../src/test/mailbox";

const env = inject("localEnv");
const dynamo = localDynamoClient(env.dynamodbEndpoint);
const s3 = localS3Client(env.s3Endpoint);
const ses = localSesClient(env.sesEndpoint);
afterAll(() => [dynamo, s3, ses].forEach((client) => client.destroy()));

describe("local engines through the test harness", () => {
  it("points process.env at the engines", () => {
    expect(process.env).toMatchObject({
      STAGE: "test",
      TABLE_NAME: env.tableName,
      BUCKET_NAME: env.bucketName,
      DYNAMODB_ENDPOINT: env.dynamodbEndpoint,
      S3_ENDPOINT: env.s3Endpoint,
      SES_ENDPOINT: env.sesEndpoint,
    });
    expect(env.dynamodbEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("created the shared table from the core definition, with TTL on expiresAt", async () => {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: env.tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(["gsi1", "gsi2", "gsi3"]);
    const ttl = await dynamo.send(new DescribeTimeToLiveCommand({ TableName: env.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: "expiresAt", TimeToLiveStatus: "ENABLED" });
  });

  it("stores and reads an item in DynamoDB Local, and can make a table of its own", async () => {
    const tableName = `engines-${randomUUID()}`;
    await ensureTableAndBucket({ tableName, bucketName: env.bucketName });
    const pk = { S: `smoke#${randomUUID()}` };
    await dynamo.send(new PutItemCommand({ TableName: tableName, Item: { pk, sk: { S: "a" }, note: { S: "hi" } } }));
    const { Item } = await dynamo.send(new GetItemCommand({ TableName: tableName, Key: { pk, sk: { S: "a" } } }));
    expect(Item?.note?.S).toBe("hi");
  });

  it("puts and gets an object in s3rver byte for byte", async () => {
    const key = `smoke/${randomUUID()}.txt`;
    await s3.send(new PutObjectCommand({ Bucket: env.bucketName, Key: key, Body: "hello s3", ContentType: "text/plain" }));
    const object = await s3.send(new GetObjectCommand({ Bucket: env.bucketName, Key: key }));
    expect(object.ContentType).toBe("text/plain");
    expect(await object.Body?.transformToString()).toBe("hello s3");
  });

  it("lets a browser preflight a presigned PUT to the bucket", async () => {
    const cors = await s3.send(new GetBucketCorsCommand({ Bucket: env.bucketName }));
    expect(cors.CORSRules?.[0]?.AllowedMethods).toContain("PUT");
    const preflight = await fetch(`${env.s3Endpoint}/${env.bucketName}/logo.png`, {
      method: "OPTIONS",
      headers: {
        Origin: env.webUrl,
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
  });

  it("delivers mail sent through SES local to readMail", async () => {
    const to = `smoke-${randomUUID()}@example.com`;
    await ses.send(
      new SendEmailCommand({
        Source: "StudioSync <no-reply@studiosync.local>",
        Destination: { ToAddresses: [`Smoke Test <${to}>`] },
        Message: {
          Subject: { Data: "Verify your email" },
          Body: { Text: { Data: "Open http://127.0.0.1:4321/verify-email?token=abc123 to continue." } },
        },
      }),
    );
    const [mail, ...rest] = await readMail(to);
    expect(rest).toHaveLength(0);
    expect(mail?.subject).toBe("Verify your email");
    const link = new URL(extractLink(mail?.body.text ?? "", "/verify-email"));
    expect(link.searchParams.get("token")).toBe("abc123");
    await expect(readMail(`nobody-${randomUUID()}@example.com`, { timeoutMs: 300 })).rejects.toThrow(/got 0/);
  });
});
