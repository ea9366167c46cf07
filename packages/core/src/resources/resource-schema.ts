import { z } from "../kernel/schema/openapi-zod";
import { RESOURCE_KINDS } from "./file-types";
import { AUDIENCE_KINDS } from "./resource-share.entity";
import { DOCUMENT_PERSON_KINDS, DOCUMENT_TYPES } from "./resource.entity";

const optional = z.string().nullable();

/** One audience a resource is shared with, named as a page shows it. */
export const ResourceAudienceSchema = z
  .object({
    key: z.string().openapi({ description: "Pass to DELETE …/shares/{key} to stop sharing", example: "student#0193…" }),
    kind: z.enum(AUDIENCE_KINDS),
    label: z.string().openapi({ example: "Emma Chen" }),
  })
  .openapi("ResourceAudience");

/** A resource as staff see it (resource-view.ts maps a record to it). */
export const ResourceSchema = z
  .object({
    id: z.string(),
    location: z.enum(["library", "documents", "trash"]),
    title: z.string(),
    description: optional,
    instrument: optional,
    level: optional,
    tags: z.array(z.string()),
    folder: optional,
    composer: optional,
    piece: optional,
    kind: z.enum(RESOURCE_KINDS),
    version: z.number().int().openapi({ description: "The current version (1 for the first upload)" }),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int().openapi({ description: "Bytes of the current version" }),
    totalBytes: z.number().int().openapi({ description: "Bytes of every stored version" }),
    sharedWith: z.array(ResourceAudienceSchema),
    person: z.object({ kind: z.enum(DOCUMENT_PERSON_KINDS), id: z.string() }).nullable(),
    documentType: z.enum(DOCUMENT_TYPES).nullable(),
    createdBy: z.string(),
    createdByName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    trashedAt: optional,
    purgeAfter: optional.openapi({ description: "UTC date from which a resource in the trash is deleted for good" }),
  })
  .openapi("Resource");
export type Resource = z.infer<typeof ResourceSchema>;

export const ResourceVersionSchema = z
  .object({
    version: z.number().int(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    uploadedByName: z.string(),
    createdAt: z.string(),
  })
  .openapi("ResourceVersion");
export type ResourceVersion = z.infer<typeof ResourceVersionSchema>;

export const ResourceDetailSchema = ResourceSchema.extend({ versions: z.array(ResourceVersionSchema) }).openapi("ResourceDetail");
export type ResourceDetail = z.infer<typeof ResourceDetailSchema>;

/** A resource as a household's materials list it. */
export const MaterialSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: optional,
    kind: z.enum(RESOURCE_KINDS),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sharedByName: z.string(),
    sharedAt: z.string(),
  })
  .openapi("Material");
export type Material = z.infer<typeof MaterialSchema>;

export const UploadSchema = z
  .object({
    key: z.string().openapi({ description: "Pass back as `key` to confirm the upload" }),
    uploadUrl: z.string().openapi({ description: "PUT the file's bytes here with exactly these headers" }),
    headers: z.record(z.string()),
    expiresAt: z.string(),
    maxBytes: z.number().int().openapi({ description: "The cap of the declared type; a larger file is refused on confirm" }),
  })
  .openapi("ResourceUpload");
export type Upload = z.infer<typeof UploadSchema>;

export const DownloadSchema = z
  .object({
    url: z.string().openapi({ description: "A presigned GET, valid for a few minutes" }),
    expiresAt: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
  })
  .openapi("ResourceDownload");
export type Download = z.infer<typeof DownloadSchema>;

export const StorageUsageSchema = z.object({ usedBytes: z.number().int(), limitBytes: z.number().int() }).openapi("StorageUsage");
