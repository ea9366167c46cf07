import { v7 as uuidv7 } from "uuid";
import { presignUpload } from "../files";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import { kindOf, MAX_BYTES_BY_KIND } from "./file-types";
import { resourceKeyFor } from "./object-keys";
import type { Upload } from "./resource-schema";
import type { CreateUploadInput } from "./schemas";
import { assertRoomFor } from "./storage";
import { tooLarge } from "./verify-upload";

const UPLOAD_URL_SECONDS = 15 * 60;

/**
 * A presigned PUT for one file (staff): refused before a byte moves when the declared size is over
 * its kind's cap or the studio's storage has no room. The object becomes a resource only when it
 * is confirmed (create-resource.ts, add-version.ts), which checks the stored bytes themselves.
 */
export async function createUpload(actor: Actor, studioId: string, input: CreateUploadInput): Promise<Upload> {
  const { member, studio } = await loadStudioMember(actor, studioId);
  assertMay(member, "resource.upload");
  const kind = kindOf(input.contentType);
  if (input.size > MAX_BYTES_BY_KIND[kind]) throw tooLarge(kind, input.size);
  assertRoomFor(studio, input.size);
  const key = resourceKeyFor(studioId, uuidv7(), input.contentType);
  const { url, headers } = await presignUpload(key, input.contentType, input.size, UPLOAD_URL_SECONDS);
  return { key, uploadUrl: url, headers, expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString(), maxBytes: MAX_BYTES_BY_KIND[kind] };
}
