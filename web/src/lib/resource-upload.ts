import type { Resource, ResourceContentType } from "@studiosync/core/resources";
import { asUser, type SessionContext } from "./session";
import { fieldErrors, plainProblem, problemCode, problemMessage, type FieldErrors, type Problem } from "./problem";
import { checkFile, kindArticle, RESOURCE_FIELDS, type ResourceDetails, sizeText } from "./resources";

/**
 * The no-JavaScript file upload of the resource library (modelled on logo-upload.ts): the browser
 * posts the file to this site, which checks what it can (a type the library takes, within its
 * kind's cap), asks the API for a presigned PUT, sends the bytes straight to storage, then confirms
 * the upload — as a new resource (in the library or on a person's record) or a resource's next
 * version. The confirm checks the stored bytes; a refusal says what to do in plain words, under the
 * file field.
 */
export type UploadFailure = { ok: false; signedOut?: true; message: string; errors: FieldErrors };
export type UploadResult = { ok: true; resource: Resource } | UploadFailure;

const signedOut = { ok: false, signedOut: true, message: "Your session has ended.", errors: {} } as const;

interface Stored {
  key: string;
  fileName: string;
  contentType: ResourceContentType;
}

/** What went wrong with the file itself, in words for the field ("choose the file again" — a browser never keeps it). */
function fileProblem(problem: Problem, file: File, contentType: ResourceContentType): string | undefined {
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

function failed(problem: Problem, file: File, contentType: ResourceContentType): UploadFailure {
  const onFile = fileProblem(problem, file, contentType);
  if (onFile) return { ok: false, message: onFile, errors: { file: onFile } };
  const errors = fieldErrors(problem);
  // A field the API names that the form has no field for (key, contentType, size) is the file's.
  const stray = Object.keys(errors).filter((path) => !RESOURCE_FIELDS.includes(path));
  if (stray.length) errors.file ??= `${plainProblem(problem)} Choose the file again.`;
  return { ok: false, message: problemMessage(problem, [...RESOURCE_FIELDS, "key", "contentType", "size", "fileName"]), errors };
}

/** Presigned PUT, then the bytes straight to storage. */
async function store(
  ctx: SessionContext,
  studioId: string,
  file: File,
  contentType: ResourceContentType,
): Promise<{ ok: true; stored: Stored } | UploadFailure> {
  const param = { studioId };
  const upload = await asUser(ctx, (c) =>
    c.v1.studios[":studioId"].resources.uploads.$post({ param, json: { fileName: file.name, contentType, size: file.size } }),
  );
  if (!upload) return signedOut;
  if (!upload.ok) {
    if (upload.status >= 500) throw new Error(`POST resources/uploads answered ${upload.status}`);
    return failed(upload.problem, file, contentType);
  }
  const put = await fetch(upload.data.uploadUrl, { method: "PUT", headers: upload.data.headers, body: new Uint8Array(await file.arrayBuffer()) });
  if (!put.ok) {
    const message = `Storage refused the upload (HTTP ${put.status}). Please choose the file and try again.`;
    return { ok: false, message, errors: { file: message } };
  }
  return { ok: true, stored: { key: upload.data.key, fileName: file.name, contentType } };
}

function chosen(file: FormDataEntryValue | null): { ok: true; file: File; contentType: ResourceContentType } | UploadFailure {
  const f = file instanceof File ? file : null;
  const check = checkFile(f);
  if (!check.ok) return { ok: false, message: check.message, errors: { file: check.message } };
  return { ok: true, file: f!, contentType: check.contentType };
}

/** A new resource from a posted file: in the library, or (with `person`) a staff-only document on that person's record. */
export async function uploadResource(
  ctx: SessionContext,
  studioId: string,
  input: FormDataEntryValue | null,
  details: ResourceDetails & { person?: { kind: "student" | "family" | "teacher"; id: string }; documentType?: "consent" | "enrolment" | "medical" | "other" },
): Promise<UploadResult> {
  const picked = chosen(input);
  if (!picked.ok) return picked;
  const { file, contentType } = picked;
  const sent = await store(ctx, studioId, file, contentType);
  if (!sent.ok) return sent;
  const created = await asUser(ctx, (c) => c.v1.studios[":studioId"].resources.$post({ param: { studioId }, json: { ...sent.stored, ...details } }));
  if (!created) return signedOut;
  if (!created.ok) {
    if (created.status >= 500) throw new Error(`POST resources answered ${created.status}`);
    return failed(created.problem, file, contentType);
  }
  return { ok: true, resource: created.data };
}

/** A posted file as a resource's next version (older versions are kept). */
export async function uploadVersion(ctx: SessionContext, studioId: string, resourceId: string, input: FormDataEntryValue | null): Promise<UploadResult> {
  const picked = chosen(input);
  if (!picked.ok) return picked;
  const { file, contentType } = picked;
  const sent = await store(ctx, studioId, file, contentType);
  if (!sent.ok) return sent;
  const added = await asUser(ctx, (c) =>
    c.v1.studios[":studioId"].resources[":resourceId"].versions.$post({ param: { studioId, resourceId }, json: sent.stored }),
  );
  if (!added) return signedOut;
  if (!added.ok) {
    if (added.status >= 500) throw new Error(`POST resources/${resourceId}/versions answered ${added.status}`);
    return failed(added.problem, file, contentType);
  }
  return { ok: true, resource: added.data };
}
