/** The images the site takes as uploads (a studio's logo, a teacher's photo), by content type → file extension. */
export const IMAGE_CONTENT_TYPES = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif" } as const;
