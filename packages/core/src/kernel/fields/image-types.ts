import { z } from "zod";

/** The images the site takes as uploads (a studio's logo, a teacher's photo), by content type → file extension. */
export const IMAGE_CONTENT_TYPES = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif" } as const;
export type ImageContentType = keyof typeof IMAGE_CONTENT_TYPES;

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** What an image upload asks for: its type and size (the presigned PUT holds it to both). */
export const imageUploadSchema = z.object({
  contentType: z.enum(Object.keys(IMAGE_CONTENT_TYPES) as [ImageContentType], {
    errorMap: () => ({ message: `must be one of ${Object.keys(IMAGE_CONTENT_TYPES).join(", ")}` }),
  }),
  contentLength: z.number().int("must be a whole number of bytes").min(1, "must be at least 1 byte").max(MAX_IMAGE_BYTES, "must be at most 2 MB"),
});
export type ImageUploadInput = z.infer<typeof imageUploadSchema>;
