import { createRoute, z } from "@hono/zod-openapi";
import * as Resources from "@studiosync/core/resources";
import { createRouter } from "../http/router";
import { pathId } from "../http/route-params";
import { jsonResponse, problems } from "../schemas/problem";
import { DownloadSchema, LinkedMaterialsSchema, PublicResourceListSchema } from "../schemas/resources";
import { PRIVATE, slugParams } from "../http/public-params";

const tags = ["Public"];
const tokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(1000)
    .openapi({ param: { name: "token", in: "path" }, description: "The token of the emailed link", example: "eyJzIjoiMDE5Li4uIn0.3q2-7wEXAMPLE" }),
});

const linked = createRoute({
  method: "get",
  path: "/materials/{token}",
  tags,
  summary: "A household's materials by the link of a “New material” email (no login), newest first",
  description: "The link works for 30 days (410 after: sign in to the portal instead); an altered or unknown link is 400.",
  request: { params: tokenParams, query: Resources.myMaterialsQuerySchema },
  responses: { 200: jsonResponse(LinkedMaterialsSchema, "The materials"), ...problems(400, 404, 410, 422) },
});

const linkedDownload = createRoute({
  method: "get",
  path: "/materials/{token}/{resourceId}/download",
  tags,
  summary: "A short-lived link to one of the emailed link's materials (no login); `disposition=inline` plays it in the page",
  request: { params: tokenParams.extend({ resourceId: pathId("resourceId") }), query: Resources.downloadQuerySchema },
  responses: { 200: jsonResponse(DownloadSchema, "Where to GET the file"), ...problems(400, 404, 410, 422) },
});

const publicList = createRoute({
  method: "get",
  path: "/studios/{slug}/resources",
  tags,
  summary: "The resources a studio shares on its public page, newest first",
  request: { params: slugParams },
  responses: { 200: jsonResponse(PublicResourceListSchema, "The public resources"), ...problems(404) },
});

const publicDownload = createRoute({
  method: "get",
  path: "/studios/{slug}/resources/{resourceId}/download",
  tags,
  summary: "A short-lived link to a public resource's file",
  request: { params: slugParams.extend({ resourceId: pathId("resourceId") }), query: Resources.downloadQuerySchema },
  responses: { 200: jsonResponse(DownloadSchema, "Where to GET the file"), ...problems(404, 422) },
});

export const publicResourceRoutes = createRouter()
  .openapi(linked, async (c) => c.json(await Resources.linkedMaterials(c.req.valid("param").token, c.req.valid("query")), 200, PRIVATE))
  .openapi(linkedDownload, async (c) => {
    const { token, resourceId } = c.req.valid("param");
    return c.json(await Resources.linkedMaterialDownload(token, resourceId, c.req.valid("query")), 200, PRIVATE);
  })
  .openapi(publicList, async (c) => c.json(await Resources.publicResources(c.req.valid("param").slug), 200))
  .openapi(publicDownload, async (c) => {
    const { slug, resourceId } = c.req.valid("param");
    return c.json(await Resources.publicResourceDownload(slug, resourceId, c.req.valid("query")), 200, { "Cache-Control": "no-store" });
  });
