import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand } from "@aws-sdk/client-s3";
import { createTableInput, TABLE_KEYS } from "@studiosync/core/kernel";
import { localDynamoClient, localS3Client } from "./aws-clients";

export interface ProvisionOptions {
  tableName: string;
  bucketName: string;
  /** Default to DYNAMODB_ENDPOINT / S3_ENDPOINT from the environment. */
  dynamodbEndpoint?: string;
  s3Endpoint?: string;
}

/** Creates the single table (with TTL) and the bucket (with browser CORS) when missing. Idempotent. */
export async function ensureTableAndBucket(options: ProvisionOptions): Promise<void> {
  const dynamodbEndpoint = options.dynamodbEndpoint ?? requiredEnv("DYNAMODB_ENDPOINT");
  const s3Endpoint = options.s3Endpoint ?? requiredEnv("S3_ENDPOINT");
  await Promise.all([ensureTable(options.tableName, dynamodbEndpoint), ensureBucket(options.bucketName, s3Endpoint)]);
}

async function ensureTable(tableName: string, endpoint: string): Promise<void> {
  const client = localDynamoClient(endpoint);
  try {
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      await client.send(new CreateTableCommand(createTableInput(tableName)));
      await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
    }
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== "ENABLED") {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true },
        }),
      );
    }
  } finally {
    client.destroy();
  }
}

async function ensureBucket(bucketName: string, endpoint: string): Promise<void> {
  const client = localS3Client(endpoint);
  try {
    const exists = await client.send(new HeadBucketCommand({ Bucket: bucketName })).then(
      () => true,
      () => false,
    );
    if (!exists) await client.send(new CreateBucketCommand({ Bucket: bucketName }));
    // The browser PUTs logos straight to presigned URLs, from the site's origin.
    await client.send(
      new PutBucketCorsCommand({
        Bucket: bucketName,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: ["*"],
              AllowedMethods: ["GET", "PUT", "HEAD"],
              AllowedHeaders: ["*"],
              ExposeHeaders: ["ETag"],
              MaxAgeSeconds: 3000,
            },
          ],
        },
      }),
    );
  } finally {
    client.destroy();
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; start the local engines first`);
  return value;
}
