import { asUser, type SessionContext } from "./session";
import { type Problem, problemMessage } from "./problem";

export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
type LogoType = (typeof LOGO_TYPES)[number];

export type LogoUploadResult = { ok: true } | { ok: false; signedOut?: true; message: string };

const isLogoType = (type: string): type is LogoType => (LOGO_TYPES as readonly string[]).includes(type);

const message = (problem: Problem): string => problemMessage(problem);

/**
 * The no-JavaScript logo upload: the browser posts the file to this site, which asks the API for a
 * presigned PUT, sends the bytes straight to storage, then points the studio at the new key.
 */
export async function uploadLogo(ctx: SessionContext, studioId: string, file: FormDataEntryValue | null): Promise<LogoUploadResult> {
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose an image file to upload." };
  if (!isLogoType(file.type)) return { ok: false, message: "The logo must be a PNG, JPEG, WebP or GIF image." };
  const param = { studioId };

  const upload = await asUser(ctx, (c) =>
    c.v1.studios[":studioId"]["logo-upload"].$post({ param, json: { contentType: file.type as LogoType, contentLength: file.size } }),
  );
  if (!upload) return { ok: false, signedOut: true, message: "Your session has ended." };
  if (!upload.ok) return { ok: false, message: message(upload.problem) };

  const put = await fetch(upload.data.uploadUrl, {
    method: "PUT",
    headers: upload.data.headers,
    body: new Uint8Array(await file.arrayBuffer()),
  });
  if (!put.ok) return { ok: false, message: `Storage refused the upload (HTTP ${put.status}). Please try again.` };

  const patched = await asUser(ctx, (c) => c.v1.studios[":studioId"].$patch({ param, json: { logoKey: upload.data.key } }));
  if (!patched) return { ok: false, signedOut: true, message: "Your session has ended." };
  return patched.ok ? { ok: true } : { ok: false, message: message(patched.problem) };
}
