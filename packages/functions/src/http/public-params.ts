import { z } from "@hono/zod-openapi";

/** A studio's public address (`/{slug}`) as a path parameter of the public routes. */
export const slugParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "slug", in: "path" }, example: "harmony-house" }),
});

/** For answers to a link whose URL is the credential: nothing kept in shared caches, nothing indexed. */
export const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
