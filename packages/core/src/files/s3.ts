import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { config } from "../config";

let client: S3Client | undefined;
let clientEndpoint: string | undefined;

/** Path-style and no default checksums: required by s3rver locally, harmless on AWS. */
export function s3(): S3Client {
  const { region, s3Endpoint } = config();
  if (!client || clientEndpoint !== s3Endpoint) {
    client = new S3Client({
      region,
      endpoint: s3Endpoint,
      forcePathStyle: Boolean(s3Endpoint),
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    clientEndpoint = s3Endpoint;
  }
  return client;
}

export async function presignUpload(key: string, contentType: string, contentLength: number, expiresIn: number) {
  const command = new PutObjectCommand({
    Bucket: config().bucketName,
    Key: key,
    ContentType: contentType,
    ContentLength: contentLength,
  });
  const url = await getSignedUrl(s3(), command, { expiresIn, signableHeaders: new Set(["content-type", "content-length"]) });
  return { url, headers: { "Content-Type": contentType, "Content-Length": String(contentLength) } };
}

export function presignDownload(key: string, expiresIn: number): Promise<string> {
  return getSignedUrl(s3(), new GetObjectCommand({ Bucket: config().bucketName, Key: key }), { expiresIn });
}

/** Size and type of a stored object, or null when there is none. */
export async function describeObject(key: string): Promise<{ size: number; contentType?: string } | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: config().bucketName, Key: key }));
    return { size: head.ContentLength ?? 0, contentType: head.ContentType };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || status === 403) return null;
    throw error;
  }
}
