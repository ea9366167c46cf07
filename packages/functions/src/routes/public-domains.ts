import { createRoute, z } from "@hono/zod-openapi";
import * as Domains from "@studiosync/core/domains";
import { createRouter } from "../http/router";
import { jsonResponse, problems } from "../schemas/problem";
import { StudioHostSchema } from "../schemas/domains";

const studioHost = createRoute({
  method: "get",
  path: "/domains/{hostname}",
  tags: ["Public"],
  summary: "The studio a host shows: `<slug>.<platform domain>` or a verified custom domain",
  description:
    "What the site asks for a request's Host. A subdomain of an old slug answers with the current `slug` (the site redirects there); " +
    "unknown, pending and lapsed domains, and inactive studios, are 404. Cacheable for a minute.",
  request: {
    params: z.object({
      hostname: z
        .string()
        .min(1)
        .max(300)
        .openapi({ param: { name: "hostname", in: "path" }, example: "www.riverside-music.com" }),
    }),
  },
  responses: { 200: jsonResponse(StudioHostSchema, "The studio's address"), ...problems(404) },
});

/** Host → studio, under /v1/public (the site's middleware). Not rate-limited, like the other public reads: one or two item reads. */
export const publicDomainRoutes = createRouter().openapi(studioHost, async (c) => {
  c.header("Cache-Control", "public, max-age=60");
  return c.json(await Domains.studioByHost(c.req.valid("param").hostname), 200);
});
