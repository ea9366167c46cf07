import { v7 as uuidv7 } from "uuid";
import { describeObject, presignDownload, presignUpload } from "../files";
import { invalidField, notFound } from "../kernel/errors";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import type { StudioEventRecord } from "./event.entity";
import { EVENT_FILE_TYPES, MAX_EVENT_FILE_BYTES, type EventInput, type EventUploadInput } from "./schemas";

const UPLOAD_SECONDS = 15 * 60;
const DOWNLOAD_SECONDS = 5 * 60;

export type EventAttachment = NonNullable<StudioEventRecord["attachments"]>[number];

/** Where an event's files live: under the studio's prefix, so a key names its studio. */
const prefix = (studioId: string) => `${studioId}/events/`;
const KEY = /^[0-9a-f-]{36}\/events\/[0-9a-f-]{36}\/[A-Za-z0-9._-]{1,120}$/;
const keySafe = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(-120) || "file";

/** A presigned PUT for an event's file (owners and admins), bound to its type and size: the bytes go to storage, never through the API. */
export async function createEventUpload(actor: Actor, studioId: string, input: EventUploadInput, now = new Date()) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "event.manage");
  const uploadKey = `${prefix(studioId)}${uuidv7()}/${keySafe(input.name)}`;
  const { url, headers } = await presignUpload(uploadKey, input.contentType, input.size, UPLOAD_SECONDS);
  return { uploadKey, url, headers, expiresAt: new Date(now.getTime() + UPLOAD_SECONDS * 1000).toISOString() };
}

/**
 * The files an event carries, checked (one HEAD each): under this studio's events prefix, stored,
 * at most 10 MB and of an allowed type; 422 naming the entry otherwise. Left out on a change: the
 * files it has stay.
 */
export async function checkedAttachments(
  studioId: string,
  input: EventInput["attachments"],
  current?: EventAttachment[],
): Promise<EventAttachment[] | undefined> {
  if (!input) return current;
  return Promise.all(
    input.map(async (file, index) => {
      const field = `attachments.${index}.uploadKey`;
      if (!KEY.test(file.uploadKey) || !file.uploadKey.startsWith(prefix(studioId))) throw invalidField(field, "is not an upload of this studio's events");
      const stored = await describeObject(file.uploadKey);
      if (!stored) throw invalidField(field, "has no file uploaded yet");
      if (stored.size > MAX_EVENT_FILE_BYTES) throw invalidField(field, "is larger than 10 MB");
      const contentType = stored.contentType ?? "application/octet-stream";
      if (!(EVENT_FILE_TYPES as readonly string[]).includes(contentType)) throw invalidField(field, "is not a file type events take");
      return { key: file.uploadKey, name: file.name, contentType, size: stored.size };
    }),
  );
}

/** A short-lived link to one of an event's files. */
export async function fileLink(e: StudioEventRecord, index: number, now: Date) {
  const file = e.attachments?.[index];
  if (!file) throw notFound("Attachment");
  const url = await presignDownload(file.key, DOWNLOAD_SECONDS, { fileName: file.name, disposition: "attachment", contentType: file.contentType });
  return { url, name: file.name, expiresAt: new Date(now.getTime() + DOWNLOAD_SECONDS * 1000).toISOString() };
}

export const attachmentViews = (e: StudioEventRecord, managed: boolean) =>
  (e.attachments ?? []).map((f, index) => ({ index, name: f.name, contentType: f.contentType, size: f.size, uploadKey: managed ? f.key : null }));
