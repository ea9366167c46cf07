import { z } from "@hono/zod-openapi";
import { DownloadSchema, MaterialSchema, ResourceDetailSchema, ResourceSchema, StorageUsageSchema, UploadSchema } from "@studiosync/core/resources";

export { DownloadSchema, MaterialSchema, ResourceDetailSchema, ResourceSchema, UploadSchema };

export const ResourcePageSchema = z
  .object({ items: z.array(ResourceSchema), nextCursor: z.string().nullable(), storage: StorageUsageSchema })
  .openapi("ResourcePage");

export const MaterialPageSchema = z.object({ items: z.array(MaterialSchema), nextCursor: z.string().nullable() }).openapi("MaterialPage");

export const LinkedMaterialsSchema = z
  .object({
    studio: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
    householdName: z.string(),
    items: z.array(MaterialSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi("LinkedMaterials");

export const PublicResourceSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    kind: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    composer: z.string().nullable(),
    instrument: z.string().nullable(),
    level: z.string().nullable(),
  })
  .openapi("PublicResource");

export const PublicResourceListSchema = z.object({ items: z.array(PublicResourceSchema) }).openapi("PublicResourceList");

export const LessonMaterialsSchema = z
  .object({
    items: z.array(ResourceSchema),
    library: z.array(ResourceSchema).optional().openapi({ description: "With `include=library`: the library's newest files" }),
  })
  .openapi("LessonMaterials");
