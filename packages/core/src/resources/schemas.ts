import { z } from "zod";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { recordIdField, requiredText, text } from "../people";
import { DOCUMENT_PERSON_KINDS, DOCUMENT_TYPES } from "./resource.entity";
import { RESOURCE_CONTENT_TYPE_LIST, RESOURCE_KINDS } from "./file-types";
import { AUDIENCE_KINDS } from "./resource-share.entity";

const contentTypeField = z.enum(RESOURCE_CONTENT_TYPE_LIST, {
  errorMap: () => ({ message: `must be one of ${RESOURCE_CONTENT_TYPE_LIST.join(", ")}` }),
});

/** A file name as the download names it: no path, no control characters. */
export const fileNameField = requiredText(200)
  .refine((name) => !/[\u0000-\u001f\u007f/\\]/.test(name), "must not contain slashes or control characters")
  .refine((name) => name !== "." && name !== "..", "must be a file name");

const tagsField = z
  .array(requiredText(40), { invalid_type_error: "must be a list of strings" })
  .max(20, "must have at most 20 entries")
  .transform((tags) => [...new Set(tags)]);

/** A new upload: what will be sent, so the API can refuse it before a byte moves. */
export const createUploadSchema = z
  .object({
    fileName: fileNameField,
    contentType: contentTypeField,
    size: z.number({ invalid_type_error: "must be a number" }).int("must be a whole number of bytes").min(1, "must be at least 1 byte"),
  })
  .strict();
export type CreateUploadInput = z.infer<typeof createUploadSchema>;

/** The descriptive fields of a resource. */
const metadata = {
  title: requiredText(200),
  description: text(2000).nullable().optional(),
  instrument: text(60).nullable().optional(),
  level: text(60).nullable().optional(),
  tags: tagsField.optional(),
  folder: text(100).nullable().optional(),
  composer: text(120).nullable().optional(),
  piece: text(200).nullable().optional(),
};

const uploadedFile = {
  /** The key the upload returned; the object stored there becomes the file. */
  key: z.string().max(300),
  fileName: fileNameField,
  contentType: contentTypeField,
};

/** Confirms an upload as a new resource: in the library, or as a document on a person's record. */
export const createResourceSchema = z
  .object({
    ...uploadedFile,
    ...metadata,
    person: z
      .object({ kind: z.enum(DOCUMENT_PERSON_KINDS), id: recordIdField })
      .strict()
      .optional(),
    documentType: z.enum(DOCUMENT_TYPES).optional(),
  })
  .strict()
  .refine((r) => !r.documentType || r.person, { message: "only a document on a person's record has a type", path: ["documentType"] });
export type CreateResourceInput = z.infer<typeof createResourceSchema>;

/** Confirms an upload as the resource's next version. */
export const addVersionSchema = z.object(uploadedFile).strict();
export type AddVersionInput = z.infer<typeof addVersionSchema>;

export const updateResourceSchema = z
  .object({
    title: metadata.title.optional(),
    description: metadata.description,
    instrument: metadata.instrument,
    level: metadata.level,
    tags: metadata.tags,
    folder: metadata.folder,
    composer: metadata.composer,
    piece: metadata.piece,
    documentType: z.enum(DOCUMENT_TYPES).optional(),
  })
  .strict();
export type UpdateResourceInput = z.infer<typeof updateResourceSchema>;

/** Whom to share with: a student, a family, a band, a lesson's or a note's students, all students, or the public page. */
export const audienceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("student"), id: recordIdField }).strict(),
  z.object({ kind: z.literal("family"), id: recordIdField }).strict(),
  z.object({ kind: z.literal("band"), id: recordIdField }).strict(),
  z.object({ kind: z.literal("lesson"), id: recordIdField }).strict(),
  z.object({ kind: z.literal("note"), lessonId: recordIdField, noteId: recordIdField }).strict(),
  z.object({ kind: z.literal("all_students") }).strict(),
  z.object({ kind: z.literal("public") }).strict(),
]);
export type Audience = z.infer<typeof audienceSchema>;

export const shareResourceSchema = z
  .object({
    audience: audienceSchema,
    /** Whether the recipients hear of it in the day's "New material" email (default true). */
    notify: z.boolean({ invalid_type_error: "must be true or false" }).optional(),
  })
  .strict();
export type ShareResourceInput = z.infer<typeof shareResourceSchema>;

export const listResourcesQuerySchema = pageQuerySchema
  .extend({
    /** The library (default), the trash, or one person's documents (`personKind` + `personId`). */
    shelf: z.enum(["library", "trash", "documents"]).default("library"),
    personKind: z.enum(DOCUMENT_PERSON_KINDS).optional(),
    personId: recordIdField.optional(),
    q: text(100).optional(),
    kind: z.enum(RESOURCE_KINDS).optional(),
    folder: text(100).optional(),
    instrument: text(60).optional(),
    tag: text(40).optional(),
  })
  .refine((q) => q.shelf !== "documents" || (q.personKind && q.personId), { message: "is required with shelf=documents", path: ["personId"] });
export type ListResourcesQuery = z.infer<typeof listResourcesQuerySchema>;

export const downloadQuerySchema = z.object({
  version: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").optional(),
  /** `inline` to play or show it in the page, `attachment` (default) to save it. */
  disposition: z.enum(["inline", "attachment"]).default("attachment"),
});
export type DownloadQuery = z.infer<typeof downloadQuerySchema>;

export { AUDIENCE_KINDS };

/** "My materials": a page of the household's inbox. */
export const myMaterialsQuerySchema = pageQuerySchema;
