import { Bucket, Table, type StackContext, type TableProps } from "sst/constructs";
import { Duration } from "aws-cdk-lib";
import { BucketEncryption } from "aws-cdk-lib/aws-s3";
import { TEMPORARY_AREAS } from "./file-areas";
import { TABLE_KEYS, createTableInput } from "@studiosync/core/kernel";
import { webUrl } from "./settings";

/** Translates core's CreateTable input into SST Table props, so AWS and local share one shape. */
function singleTableProps() {
  const input = createTableInput("unused");
  const fields: NonNullable<TableProps["fields"]> = {};
  for (const def of input.AttributeDefinitions ?? []) {
    if (def.AttributeType !== "S") throw new Error(`Unsupported key type for ${def.AttributeName}`);
    fields[def.AttributeName!] = "string";
  }
  const globalIndexes = Object.fromEntries(
    (input.GlobalSecondaryIndexes ?? []).map((gsi) => {
      if (gsi.Projection?.ProjectionType !== "ALL") throw new Error(`${gsi.IndexName}: projection must be ALL`);
      const hash = gsi.KeySchema?.find((k) => k.KeyType === "HASH")?.AttributeName;
      const range = gsi.KeySchema?.find((k) => k.KeyType === "RANGE")?.AttributeName;
      return [gsi.IndexName!, { partitionKey: hash!, sortKey: range }];
    }),
  );
  if (input.StreamSpecification?.StreamViewType !== "NEW_AND_OLD_IMAGES") {
    throw new Error("Table stream must be NEW_AND_OLD_IMAGES");
  }
  return {
    fields,
    primaryIndex: { partitionKey: TABLE_KEYS.partitionKey, sortKey: TABLE_KEYS.sortKey },
    globalIndexes,
    timeToLiveAttribute: TABLE_KEYS.ttlAttribute,
    stream: "new_and_old_images" as const,
  };
}

export function Storage({ stack, app }: StackContext) {
  const table = new Table(stack, "Table", {
    ...singleTableProps(),
    // SST's Table is on-demand with point-in-time recovery by default (pinned by the synth test).
    cdk: { table: { deletionProtection: app.stage === "production" } },
  });

  const siteOrigin = webUrl();
  const files = new Bucket(stack, "Files", {
    blockPublicACLs: true,
    // Browsers GET objects through presigned links (<img>, downloads), which need no CORS. The
    // library's file field PUTs uploads from the page (web FileField.astro): with a custom domain
    // the site's origin may, otherwise no origin may (never "*") and the form sends the file
    // through the site's server instead.
    cors: siteOrigin
      ? [{ allowedMethods: ["GET", "PUT"], allowedOrigins: [siteOrigin], allowedHeaders: ["*"], exposedHeaders: ["ETag"], maxAge: "1 hour" }]
      : false,
    cdk: {
      bucket: {
        encryption: BucketEncryption.S3_MANAGED,
        enforceSSL: true,
        // Temporary areas (stacks/file-areas.ts) empty themselves.
        lifecycleRules: TEMPORARY_AREAS.map((area) => ({
          id: `expire-${area.prefix.replace(/\/$/, "")}`,
          prefix: area.prefix,
          expiration: Duration.days(area.expireAfterDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        })),
      },
    },
  });

  stack.addOutputs({ TableName: table.tableName, BucketName: files.bucketName });
  return { table, files };
}
