import { v7 as uuidv7 } from "uuid";
import { presignUpload } from "../files";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import { logoKeyFor } from "./logo-key";
import type { LogoUploadInput } from "./schemas";

const UPLOAD_URL_SECONDS = 10 * 60;

/** A presigned PUT for a new logo; the studio then points `logoKey` at it with a PATCH. */
export async function createLogoUpload(actor: Actor, studioId: string, input: LogoUploadInput) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "studio.branding.upload");
  const key = logoKeyFor(studioId, uuidv7(), input.contentType);
  const { url, headers } = await presignUpload(key, input.contentType, input.contentLength, UPLOAD_URL_SECONDS);
  return { uploadUrl: url, key, headers, expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString() };
}
