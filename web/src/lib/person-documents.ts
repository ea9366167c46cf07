import { asUser, type SessionContext } from "./session";
import { field } from "./form";
import { plainProblem, type FieldErrors } from "./problem";
import { postedFile, uploadResource } from "./resource-upload";
import { EMPTY_RESOURCE, isDocumentType, resourceBody } from "./resources";

/**
 * Documents on a person's record (a consent or enrolment form, medical information): staff-only
 * files, uploaded and moved to the trash from the record's Documents tab. The record page hands its
 * POST here when the intent is one of these.
 */
export const DOCUMENT_INTENTS = ["document-upload", "document-trash"] as const;
export const isDocumentIntent = (intent: string) => (DOCUMENT_INTENTS as readonly string[]).includes(intent);

export interface DocumentValues {
  title: string;
  documentType: string;
}
export const EMPTY_DOCUMENT: DocumentValues = { title: "", documentType: "consent" };

export type DocumentPost =
  | { ok: true; saved: "document-added" | "document-trashed" }
  | { ok: false; signedOut?: true; status: number; errors: FieldErrors; message?: string; values: DocumentValues };

export async function postDocument(
  ctx: SessionContext,
  studioId: string,
  person: { kind: "student" | "family" | "teacher"; id: string },
  form: FormData,
): Promise<DocumentPost> {
  const values = { title: field(form, "title"), documentType: field(form, "documentType") };
  if (field(form, "intent") === "document-trash") {
    const resourceId = field(form, "resourceId");
    const trashed = await asUser(ctx, (c) => c.v1.studios[":studioId"].resources[":resourceId"].$delete({ param: { studioId, resourceId } }));
    if (!trashed) return { ok: false, signedOut: true, status: 401, errors: {}, values };
    if (trashed.ok) return { ok: true, saved: "document-trashed" };
    if (trashed.status >= 500) throw new Error(`DELETE document answered ${trashed.status}`);
    return { ok: false, status: trashed.status, errors: {}, message: `The document wasn't moved to the trash: ${plainProblem(trashed.problem)}`, values };
  }
  const documentType = isDocumentType(values.documentType) ? values.documentType : "other";
  const file = postedFile(form);
  const details = resourceBody({ ...EMPTY_RESOURCE, title: values.title }, "create", file?.name ?? "");
  const uploaded = await uploadResource(ctx, studioId, file, { ...details, person, documentType });
  if (uploaded.ok) return { ok: true, saved: "document-added" };
  if (uploaded.signedOut) return { ok: false, signedOut: true, status: 401, errors: {}, values };
  return { ok: false, status: 422, errors: uploaded.errors, message: uploaded.errors.file ? undefined : uploaded.message, values };
}

/** One page of the person's documents, newest first. */
export const listDocuments = (ctx: SessionContext, studioId: string, person: { kind: "student" | "family" | "teacher"; id: string }, cursor?: string) =>
  asUser(ctx, (c) =>
    c.v1.studios[":studioId"].resources.$get({
      param: { studioId },
      query: { shelf: "documents", personKind: person.kind, personId: person.id, limit: 50, ...(cursor ? { cursor } : {}) },
    }),
  );
