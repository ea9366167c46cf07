import type { S3Client } from "@aws-sdk/client-s3";
import { config } from "../kernel/config";
import { serviceUnavailable } from "../kernel/errors";
import { lazyClient } from "../kernel/lazy-client";

/**
 * The S3 SDK is imported on first use, not at cold start: most requests never touch files, and
 * the client costs ~100 ms to load. Path-style and no default checksums: required by s3rver
 * locally, harmless on AWS.
 */
async function loadS3() {
  const [sdk, presigner] = await Promise.all([import("@aws-sdk/client-s3"), import("@aws-sdk/s3-request-presigner")]);
  const { region, s3Endpoint } = config();
  const client: S3Client = new sdk.S3Client({
    region,
    endpoint: s3Endpoint,
    forcePathStyle: Boolean(s3Endpoint),
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return { sdk, client, getSignedUrl: presigner.getSignedUrl };
}

const client = lazyClient((c) => c.s3Endpoint, loadS3);

const statusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/**
 * S3 failing (unreachable, 5xx, throttled) is a 503 with Retry-After, never a 500: the callers
 * use S3 before they write anything (issue 10 #30), so a retry starts clean. Other errors (404,
 * 403 where a caller expects them) are the caller's to read.
 */
async function s3<T>(use: (s3: Awaited<ReturnType<typeof loadS3>>) => Promise<T>): Promise<T> {
  try {
    return await use(await client());
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined || status >= 500 || status === 429) throw serviceUnavailable();
    throw error;
  }
}

export function presignUpload(key: string, contentType: string, contentLength: number, expiresIn: number) {
  return s3(async ({ sdk, client, getSignedUrl }) => {
    const command = new sdk.PutObjectCommand({
      Bucket: config().bucketName,
      Key: key,
      ContentType: contentType,
      ContentLength: contentLength,
    });
    const url = await getSignedUrl(client, command, { expiresIn, signableHeaders: new Set(["content-type", "content-length"]) });
    return { url, headers: { "Content-Type": contentType, "Content-Length": String(contentLength) } };
  });
}

/** How a download names and presents the file: the browser saves it as `fileName`, or shows it inline. */
export interface DownloadAs {
  fileName: string;
  contentType: string;
  disposition: "inline" | "attachment";
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback and the exact name. */
export function contentDisposition({ fileName, disposition }: Pick<DownloadAs, "fileName" | "disposition">): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

export function presignDownload(key: string, expiresIn: number, as?: DownloadAs): Promise<string> {
  return s3(({ sdk, client, getSignedUrl }) =>
    getSignedUrl(
      client,
      new sdk.GetObjectCommand({
        Bucket: config().bucketName,
        Key: key,
        ...(as ? { ResponseContentDisposition: contentDisposition(as), ResponseContentType: as.contentType } : {}),
      }),
      { expiresIn },
    ),
  );
}

/** The first `length` bytes of a stored object (fewer when it is shorter), or null when there is none. */
export async function readObjectStart(key: string, length: number): Promise<Uint8Array | null> {
  try {
    return await s3(async ({ sdk, client }) => {
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: config().bucketName, Key: key, Range: `bytes=0-${length - 1}` }));
      const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      return bytes.slice(0, length);
    });
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 403 || status === 416) return null;
    throw error;
  }
}

/** A whole object (an inbound email SES stored), or null when it is not there. */
export async function readObject(key: string): Promise<Uint8Array | null> {
  try {
    return await s3(async ({ sdk, client }) => {
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: config().bucketName, Key: key }));
      return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
    });
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 403) return null;
    throw error;
  }
}

/** Moves objects to new keys (copy, then delete the old): a resource's files into the trash and back. */
export async function moveObjects(moves: readonly { from: string; to: string }[]): Promise<void> {
  const bucket = config().bucketName;
  await s3(({ sdk, client }) =>
    Promise.all(
      moves.map(async ({ from, to }) => {
        await client.send(new sdk.CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: `${bucket}/${encodeURIComponent(from).replace(/%2F/g, "/")}` }));
        await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: from }));
      }),
    ),
  );
}

/** Size and type of a stored object, or null when there is none. */
export async function describeObject(key: string): Promise<{ size: number; contentType?: string } | null> {
  try {
    return await s3(async ({ sdk, client }) => {
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket: config().bucketName, Key: key }));
      return { size: head.ContentLength ?? 0, contentType: head.ContentType };
    });
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 403) return null;
    throw error;
  }
}

/** Stores a private object (server-side only: privacy exports and other generated files). */
export async function putObject(key: string, body: string | Uint8Array, contentType: string): Promise<void> {
  await s3(({ sdk, client }) => client.send(new sdk.PutObjectCommand({ Bucket: config().bucketName, Key: key, Body: body, ContentType: contentType })));
}

/** Deletes objects now (a missing one is fine): privacy exports of an erased person. */
export async function deleteObjects(keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await s3(({ sdk, client }) => Promise.all(keys.map((key) => client.send(new sdk.DeleteObjectCommand({ Bucket: config().bucketName, Key: key })))));
}
