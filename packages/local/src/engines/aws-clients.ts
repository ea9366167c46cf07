import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SESClient } from "@aws-sdk/client-ses";

/** Clients for the local engines (the runtime's own plumbing; the app builds its clients in core). */
const region = "us-east-1";
// Node 20 is still supported here; the SDK's upgrade notice would only add noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
export const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" };

export function localDynamoClient(endpoint: string, maxAttempts = 3): DynamoDBClient {
  return new DynamoDBClient({ region, endpoint, credentials: LOCAL_CREDENTIALS, maxAttempts });
}

/** Path-style and no flexible checksums, or s3rver stores the aws-chunked framing in the object. */
export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    region,
    endpoint,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export function localSesClient(endpoint: string): SESClient {
  return new SESClient({ region, endpoint, credentials: LOCAL_CREDENTIALS });
}
