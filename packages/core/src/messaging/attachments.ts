import { v7 as uuidv7 } from "uuid";
import { describeObject, presignDownload, presignUpload } from "../files";
import { invalidField } from "../kernel/errors";
import { loadResource } from "../resources";
import type { Actor } from "../policy";
import type { AttachmentInput } from "./schemas";
import type { ThreadMessageRecord } from "./thread.entity";

/** A message's file: at most this large (an email's attachments are held to it too). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const UPLOAD_SECONDS = 15 * 60;
const DOWNLOAD_SECONDS = 5 * 60;

export type StoredAttachment = NonNullable<ThreadMessageRecord["attachments"]>[number];

/** Where a message's files live: under the studio's prefix, so a key names its studio. */
export const attachmentPrefix = (studioId: string) => `${studioId}/messages/`;
const UPLOAD_KEY = /^[0-9a-f-]{36}\/messages\/[0-9a-f-]{36}\/[A-Za-z0-9._-]{1,120}$/;

/** A file name as a key segment: letters, digits, dot, dash and underscore. */
export const keySafeName = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(-120) || "file";

export const newAttachmentKey = (studioId: string, name: string) => `${attachmentPrefix(studioId)}${uuidv7()}/${keySafeName(name)}`;

/** A presigned PUT for a message's file (the bytes go to storage, never through the API). */
export async function presignAttachment(studioId: string, input: { name: string; contentType: string; size: number }, now: Date) {
  const uploadKey = newAttachmentKey(studioId, input.name);
  const { url, headers } = await presignUpload(uploadKey, input.contentType, input.size, UPLOAD_SECONDS);
  return { uploadKey, url, headers, expiresAt: new Date(now.getTime() + UPLOAD_SECONDS * 1000).toISOString() };
}

/**
 * The files a message carries, checked: an upload must be under this studio's message prefix and
 * stored (at most 10 MB); a library file must be one the writer may see (staff). 422 naming the
 * entry otherwise.
 */
export async function resolveAttachments(actor: Actor, studioId: string, inputs: readonly AttachmentInput[]): Promise<StoredAttachment[]> {
  return Promise.all(
    inputs.map(async (input, index): Promise<StoredAttachment> => {
      if ("resourceId" in input) {
        const { record } = await loadResource(actor, studioId, input.resourceId, "resource.view").catch(() => {
          throw invalidField(`attachments.${index}.resourceId`, "is no file of the library you can share");
        });
        return { key: record.objectKey, name: record.fileName, contentType: record.contentType, size: record.size, resourceId: record.resourceId };
      }
      if (!UPLOAD_KEY.test(input.uploadKey) || !input.uploadKey.startsWith(attachmentPrefix(studioId))) {
        throw invalidField(`attachments.${index}.uploadKey`, "is not an upload of this studio's messages");
      }
      const stored = await describeObject(input.uploadKey);
      if (!stored) throw invalidField(`attachments.${index}.uploadKey`, "has no file uploaded yet");
      if (stored.size > MAX_ATTACHMENT_BYTES) throw invalidField(`attachments.${index}.uploadKey`, "is larger than 10 MB");
      return { key: input.uploadKey, name: input.name, contentType: stored.contentType ?? "application/octet-stream", size: stored.size };
    }),
  );
}

/** A short-lived download link of a message's file, saved under its own name. */
export async function attachmentLink(file: StoredAttachment, now: Date) {
  const url = await presignDownload(file.key, DOWNLOAD_SECONDS, { fileName: file.name, disposition: "attachment", contentType: file.contentType });
  return { url, expiresAt: new Date(now.getTime() + DOWNLOAD_SECONDS * 1000).toISOString() };
}
