import type { Resource, ResourceContentType } from "@studiosync/core/resources";
import { asUser, type SessionContext } from "./session";
import { fieldErrors, plainProblem, problemCode, problemMessage, type FieldErrors, type Problem } from "./problem";
import { checkFile, kindArticle, RESOURCE_FIELDS, type ResourceDetails, sizeText } from "./resources";

/**
 * The resource library's file uploads. The bytes go to storage on a presigned PUT and never through
 * the API; the confirm then checks the stored bytes. Two ways in:
 * - with JavaScript, the upload field's script (FileField.astro) asks this site for the presigned PUT
 *   (`…/library/uploads`, `presignFor`), sends the file from the browser straight to storage, and
 *   posts the form with where it stored it (`storedKey` …) instead of the file;
 * - without, the browser posts the file to this site, which sends it to storage (modelled on
 *   image-upload.ts; on AWS a Lambda takes about 6 MB, so the script is what carries recordings).
 * Either way the form's handler confirms the upload — as a new resource (in the library or on a
 * person's record) or a resource's next version — and a refusal says what to do in plain words,
 * under the file field.
 */
export type UploadFailure = { ok: false; signedOut?: true; message: string; errors: FieldErrors };
export type UploadResult = { ok: true; resource: Resource } | UploadFailure;

const signedOut = { ok: false, signedOut: true, message: "Your session has ended.", errors: {} } as const;

/** The file a form posted: its bytes, or where the browser already stored them. */
export type PostedFile = { name: string; size: number; type: string } & ({ file: File } | { storedKey: string });

interface Stored {
  key: string;
  fileName: string;
  contentType: ResourceContentType;
}

/** The upload field's value: the stored file the script names (`storedKey`, `storedName`, `storedSize`, `storedType`), else the posted file. */
export function postedFile(form: FormData, name = "file"): PostedFile | null {
  const storedKey = form.get("storedKey");
  if (typeof storedKey === "string" && storedKey) {
    const text = (field: string) => String(form.get(field) ?? "");
    return { storedKey, name: text("storedName"), size: Number(text("storedSize")) || 0, type: text("storedType") };
  }
  const file = form.get(name);
  return file instanceof File ? { file, name: file.name, size: file.size, type: file.type } : null;
}

/** What went wrong with the file itself, in words for the field ("choose the file again" — a browser never keeps it). */
function fileProblem(problem: Problem, file: { name: string; size: number; type: string }, contentType: ResourceContentType): string | undefined {
  const code = problemCode(problem);
  const kind = checkFile(file);
  if (code === "resource.too_large") {
    const cap = problem.errors?.find((e) => e.path === "size")?.message.match(/is ([\d.]+ [KMG]?B)$/)?.[1];
    return `“${file.name}” is ${sizeText(file.size)}; ${kind.ok ? kindArticle(kind.kind) : "a file of its type"} can be at most ${cap ?? "the limit"}.`;
  }
  if (code === "resource.storage_full") return plainProblem(problem);
  if (code === "resource.upload_not_usable")
    return `“${file.name}” isn't ${kind.ok ? kindArticle(kind.kind) : contentType} inside, whatever its name says. Check the file (export it again if you can) and choose it again.`;
  return undefined;
}

function failed(problem: Problem, file: { name: string; size: number; type: string }, contentType: ResourceContentType): UploadFailure {
  const onFile = fileProblem(problem, file, contentType);
  if (onFile) return { ok: false, message: onFile, errors: { file: onFile } };
  const errors = fieldErrors(problem);
  // A field the API names that the form has no field for (key, contentType, size) is the file's.
  const stray = Object.keys(errors).filter((path) => !RESOURCE_FIELDS.includes(path));
  if (stray.length) errors.file ??= `${plainProblem(problem)} Choose the file again.`;
  return { ok: false, message: problemMessage(problem, [...RESOURCE_FIELDS, "key", "contentType", "size", "fileName"]), errors };
}

function failure(message: string): UploadFailure {
  return { ok: false, message, errors: { file: message } };
}

/** A presigned PUT for a chosen file (its name, size and type), once the site has checked what it can. */
export type PresignResult = { ok: true; key: string; uploadUrl: string; headers: Record<string, string>; contentType: ResourceContentType } | UploadFailure;

export async function presignFor(ctx: SessionContext, studioId: string, file: { name: string; size: number; type: string }): Promise<PresignResult> {
  const check = checkFile(file);
  if (!check.ok) return failure(check.message);
  const { contentType } = check;
  const upload = await asUser(ctx, (c) =>
    c.v1.studios[":studioId"].resources.uploads.$post({ param: { studioId }, json: { fileName: file.name, contentType, size: file.size } }),
  );
  if (!upload) return signedOut;
  if (!upload.ok) {
    if (upload.status >= 500) throw new Error(`POST resources/uploads answered ${upload.status}`);
    return failed(upload.problem, file, contentType);
  }
  return { ok: true, key: upload.data.key, uploadUrl: upload.data.uploadUrl, headers: upload.data.headers, contentType };
}

/** The posted file in storage: already there (the script stored it), or sent now on a presigned PUT. */
async function store(
  ctx: SessionContext,
  studioId: string,
  posted: PostedFile | null,
): Promise<{ ok: true; stored: Stored; posted: PostedFile } | UploadFailure> {
  const check = checkFile(posted);
  if (!check.ok || !posted) return failure(check.ok ? "Choose a file to upload." : check.message);
  if ("storedKey" in posted) return { ok: true, posted, stored: { key: posted.storedKey, fileName: posted.name, contentType: check.contentType } };
  const upload = await presignFor(ctx, studioId, posted);
  if (!upload.ok) return upload;
  const put = await fetch(upload.uploadUrl, { method: "PUT", headers: upload.headers, body: new Uint8Array(await posted.file.arrayBuffer()) });
  if (!put.ok) return failure(`Storage refused the upload (HTTP ${put.status}). Please choose the file and try again.`);
  return { ok: true, posted, stored: { key: upload.key, fileName: posted.name, contentType: upload.contentType } };
}

/** A new resource from a posted file: in the library, or (with `person`) a staff-only document on that person's record. */
export async function uploadResource(
  ctx: SessionContext,
  studioId: string,
  posted: PostedFile | null,
  details: ResourceDetails & { person?: { kind: "student" | "family" | "teacher"; id: string }; documentType?: "consent" | "enrolment" | "medical" | "other" },
): Promise<UploadResult> {
  const sent = await store(ctx, studioId, posted);
  if (!sent.ok) return sent;
  const created = await asUser(ctx, (c) => c.v1.studios[":studioId"].resources.$post({ param: { studioId }, json: { ...sent.stored, ...details } }));
  if (!created) return signedOut;
  if (!created.ok) {
    if (created.status >= 500) throw new Error(`POST resources answered ${created.status}`);
    return failed(created.problem, sent.posted, sent.stored.contentType);
  }
  return { ok: true, resource: created.data };
}

/** A posted file as a resource's next version (older versions are kept). */
export async function uploadVersion(ctx: SessionContext, studioId: string, resourceId: string, posted: PostedFile | null): Promise<UploadResult> {
  const sent = await store(ctx, studioId, posted);
  if (!sent.ok) return sent;
  const added = await asUser(ctx, (c) =>
    c.v1.studios[":studioId"].resources[":resourceId"].versions.$post({ param: { studioId, resourceId }, json: sent.stored }),
  );
  if (!added) return signedOut;
  if (!added.ok) {
    if (added.status >= 500) throw new Error(`POST resources/${resourceId}/versions answered ${added.status}`);
    return failed(added.problem, sent.posted, sent.stored.contentType);
  }
  return { ok: true, resource: added.data };
}
