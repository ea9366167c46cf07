import { asUser, type SessionContext } from "./session";
import { type Problem, problemMessage } from "./problem";
import type { ApiClient } from "./api";
import type { AnyResponse } from "./call";

export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
type ImageType = (typeof IMAGE_TYPES)[number];

export type ImageUploadResult = { ok: true } | { ok: false; signedOut?: true; message: string };

const isImageType = (type: string): type is ImageType => (IMAGE_TYPES as readonly string[]).includes(type);

const message = (problem: Problem): string => problemMessage(problem);

/** How one image is uploaded: the API's presigned PUT for it, then the record pointed at the key. */
interface ImageTarget {
  /** "The logo", "The photo": the start of the type error. */
  what: string;
  /** The API's presigned PUT: `{ uploadUrl, key, headers }`. */
  presign: (c: ApiClient, file: { contentType: ImageType; contentLength: number }) => Promise<AnyResponse>;
  point: (c: ApiClient, key: string) => Promise<AnyResponse>;
}

/**
 * The no-JavaScript image upload: the browser posts the file to this site, which asks the API for
 * a presigned PUT, sends the bytes straight to storage, then points the record at the new key.
 */
async function uploadImage(ctx: SessionContext, file: FormDataEntryValue | null, target: ImageTarget): Promise<ImageUploadResult> {
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose an image file to upload." };
  if (!isImageType(file.type)) return { ok: false, message: `${target.what} must be a PNG, JPEG, WebP or GIF image.` };
  const upload = await asUser(ctx, (c) => target.presign(c, { contentType: file.type as ImageType, contentLength: file.size }));
  if (!upload) return { ok: false, signedOut: true, message: "Your session has ended." };
  if (!upload.ok) return { ok: false, message: message(upload.problem) };
  const ticket = upload.data as { uploadUrl: string; key: string; headers: Record<string, string> };

  const put = await fetch(ticket.uploadUrl, {
    method: "PUT",
    headers: ticket.headers,
    body: new Uint8Array(await file.arrayBuffer()),
  });
  if (!put.ok) return { ok: false, message: `Storage refused the upload (HTTP ${put.status}). Please try again.` };

  const patched = await asUser(ctx, (c) => target.point(c, ticket.key));
  if (!patched) return { ok: false, signedOut: true, message: "Your session has ended." };
  return patched.ok ? { ok: true } : { ok: false, message: message(patched.problem) };
}

/** A studio's new logo. */
export const uploadLogo = (ctx: SessionContext, studioId: string, file: FormDataEntryValue | null) =>
  uploadImage(ctx, file, {
    what: "The logo",
    presign: (c, json) => c.v1.studios[":studioId"]["logo-upload"].$post({ param: { studioId }, json }),
    point: (c, logoKey) => c.v1.studios[":studioId"].$patch({ param: { studioId }, json: { logoKey } }),
  });

/** A teacher's new photo. */
export const uploadTeacherPhoto = (ctx: SessionContext, studioId: string, teacherId: string, file: FormDataEntryValue | null) =>
  uploadImage(ctx, file, {
    what: "The photo",
    presign: (c, json) => c.v1.studios[":studioId"].teachers[":teacherId"]["photo-upload"].$post({ param: { studioId, teacherId }, json }),
    point: (c, photoKey) => c.v1.studios[":studioId"].teachers[":teacherId"].$patch({ param: { studioId, teacherId }, json: { photoKey } }),
  });
