import { createRoute, z } from "@hono/zod-openapi";
import { Studios } from "@studiosync/core";
import { createRouter } from "../http/router";
import { jsonResponse, problems } from "../schemas/problem";
import { PublicStudioSchema } from "../schemas/studio";

const publicStudio = createRoute({
  method: "get",
  path: "/studios/{slug}",
  tags: ["Public"],
  summary: "A studio's public profile, by its address (slug)",
  request: {
    params: z.object({
      slug: z
        .string()
        .max(100)
        .openapi({ param: { name: "slug", in: "path" }, example: "riverside-music" }),
    }),
  },
  responses: { 200: jsonResponse(PublicStudioSchema, "The studio's public profile"), ...problems(404) },
});

export const publicRoutes = createRouter().openapi(publicStudio, async (c) => {
  c.header("Cache-Control", "public, max-age=60");
  return c.json(await Studios.getPublicStudio(c.req.valid("param").slug), 200);
});
