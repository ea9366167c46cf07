import { createRoute, z } from "@hono/zod-openapi";
import * as Resources from "@studiosync/core/resources";
import { createRouter } from "../http/router";
import { pathId, secured, studioParams } from "../http/route-params";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import {
  DownloadSchema,
  LessonMaterialsSchema,
  MaterialPageSchema,
  ResourceDetailSchema,
  ResourcePageSchema,
  ResourceSchema,
  UploadSchema,
} from "../schemas/resources";

const tags = ["Resources"];
const resourceParams = studioParams.extend({ resourceId: pathId("resourceId") });
const shareParams = resourceParams.extend({
  audienceKey: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "audienceKey", in: "path" }, description: "A `sharedWith[].key` of the resource", example: "student#0193…" }),
});
const lessonParams = studioParams.extend({ lessonId: pathId("lessonId") });

const createUpload = createRoute({
  method: "post",
  path: "/{studioId}/resources/uploads",
  tags,
  summary: "Start an upload (staff): a presigned PUT the browser sends the file to, straight to storage",
  description:
    "Declare the file's name, content type (PDF, images, audio mp3/m4a/wav/ogg, video mp4, MusicXML, MIDI, Guitar Pro, plain text) and size. " +
    "A size over the type's cap or the studio's remaining storage is refused here (413). PUT the bytes to `uploadUrl` with exactly " +
    "`headers`, then confirm with POST …/resources (a new resource) or POST …/resources/{resourceId}/versions (a new version). " +
    "Until confirmed the file is not a resource; the confirm checks the stored object itself and deletes anything that fails.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Resources.createUploadSchema.openapi("CreateUploadRequest")) },
  responses: { 200: jsonResponse(UploadSchema, "Where to PUT the file"), ...problems(401, 403, 404, 413, 422) },
});

const createResource = createRoute({
  method: "post",
  path: "/{studioId}/resources",
  tags,
  summary: "Confirm an upload as a new resource (staff): in the library, or as a document on a person's record",
  description:
    "The stored object must be at the returned key, within its type's size cap (413 otherwise) and sniff as its declared type " +
    "(422 otherwise); a refused object is deleted. With `person` it is a document on that student's, family's or teacher's record, " +
    "seen by staff only (admins; a teacher on their own students' and their own). The studio's stored bytes grow in the same write.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Resources.createResourceSchema.openapi("CreateResourceRequest")) },
  responses: { 201: jsonResponse(ResourceSchema, "The new resource"), ...problems(401, 403, 404, 409, 413, 422) },
});

const listResources = createRoute({
  method: "get",
  path: "/{studioId}/resources",
  tags,
  summary: "The library, the trash, or one person's documents (staff), newest first",
  description:
    "Filters (`q`, `kind`, `folder`, `instrument`, `tag`) narrow each page, so a filtered page may hold fewer than `limit`. `storage` is the studio's stored bytes and its limit.",
  ...secured,
  request: { params: studioParams, query: Resources.listResourcesQuerySchema },
  responses: { 200: jsonResponse(ResourcePageSchema, "One page of resources"), ...problems(401, 403, 404, 422) },
});

const myMaterials = createRoute({
  method: "get",
  path: "/{studioId}/resources/mine",
  tags,
  summary: "My materials (students and parents): what is shared with the student, or with the family, newest first",
  ...secured,
  request: { params: studioParams, query: Resources.myMaterialsQuerySchema },
  responses: { 200: jsonResponse(MaterialPageSchema, "One page of materials"), ...problems(401, 403, 404, 422) },
});

const getResource = createRoute({
  method: "get",
  path: "/{studioId}/resources/{resourceId}",
  tags,
  summary: "A resource with its versions and audiences (staff who may see it)",
  ...secured,
  request: { params: resourceParams },
  responses: { 200: jsonResponse(ResourceDetailSchema, "The resource"), ...problems(401, 403, 404) },
});

const updateResource = createRoute({
  method: "patch",
  path: "/{studioId}/resources/{resourceId}",
  tags,
  summary: "Change a resource's title and details (admins and its uploader); `null` clears a field",
  ...secured,
  request: { params: resourceParams, body: jsonBody(Resources.updateResourceSchema.openapi("UpdateResourceRequest")) },
  responses: { 200: jsonResponse(ResourceSchema, "The resource"), ...problems(401, 403, 404, 409, 422) },
});

const trashResource = createRoute({
  method: "delete",
  path: "/{studioId}/resources/{resourceId}",
  tags,
  summary: "Move a resource to the trash (admins and its uploader); it is deleted for good 30 days later",
  description: "It leaves every household's materials at once; POST …/restore brings it back with its shares.",
  ...secured,
  request: { params: resourceParams },
  responses: { 200: jsonResponse(ResourceSchema, "The resource, in the trash"), ...problems(401, 403, 404, 409) },
});

const restoreResource = createRoute({
  method: "post",
  path: "/{studioId}/resources/{resourceId}/restore",
  tags,
  summary: "Take a resource out of the trash (admins and its uploader)",
  ...secured,
  request: { params: resourceParams },
  responses: { 200: jsonResponse(ResourceSchema, "The resource, back where it was"), ...problems(401, 403, 404, 409) },
});

const addVersion = createRoute({
  method: "post",
  path: "/{studioId}/resources/{resourceId}/versions",
  tags,
  summary: "Confirm an upload as the resource's next version (admins and its uploader); older versions are kept",
  ...secured,
  request: { params: resourceParams, body: jsonBody(Resources.addVersionSchema.openapi("AddResourceVersionRequest")) },
  responses: { 201: jsonResponse(ResourceSchema, "The resource at its new version"), ...problems(401, 403, 404, 409, 413, 422) },
});

const share = createRoute({
  method: "post",
  path: "/{studioId}/resources/{resourceId}/shares",
  tags,
  summary: "Share a resource with a student, family, band, lesson, lesson note, all students or the public page",
  description:
    "Admins; teachers any library file, with their own students only (their families, bands, lessons and notes); all students and " +
    "the public page are the admins'. The households reached get it in their materials at once and, unless `notify` is false, in " +
    "the next day's “New material” email. Sharing again with the same audience changes nothing.",
  ...secured,
  request: { params: resourceParams, body: jsonBody(Resources.shareResourceSchema.openapi("ShareResourceRequest")) },
  responses: { 200: jsonResponse(ResourceSchema, "The resource with its audiences"), ...problems(401, 403, 404, 409, 422) },
});

const unshare = createRoute({
  method: "delete",
  path: "/{studioId}/resources/{resourceId}/shares/{audienceKey}",
  tags,
  summary: "Stop sharing a resource with an audience (admins and its uploader)",
  ...secured,
  request: { params: shareParams },
  responses: { 200: jsonResponse(ResourceSchema, "The resource with its audiences"), ...problems(401, 403, 404, 409) },
});

const download = createRoute({
  method: "get",
  path: "/{studioId}/resources/{resourceId}/download",
  tags,
  summary: "A short-lived link to a resource's file, naming it (staff who may see it; students and parents when it is shared with them)",
  description: "`disposition=inline` plays or shows it in the page. Staff may ask for an older `version`.",
  ...secured,
  request: { params: resourceParams, query: Resources.downloadQuerySchema },
  responses: { 200: jsonResponse(DownloadSchema, "Where to GET the file"), ...problems(401, 403, 404, 422) },
});

const lessonMaterials = createRoute({
  method: "get",
  path: "/{studioId}/lessons/{lessonId}/materials",
  tags,
  summary: "A lesson's materials (staff): the resources shared with the lesson, newest first",
  description: "`include=library` adds `library`: the library's newest 100 files (as `GET …/resources?shelf=library&limit=100`), to share with the lesson.",
  ...secured,
  request: { params: lessonParams, query: z.object({ include: z.enum(["library"], { errorMap: () => ({ message: "must be library" }) }).optional() }) },
  responses: { 200: jsonResponse(LessonMaterialsSchema, "The lesson's materials"), ...problems(401, 403, 404) },
});

export const resourceRoutes = createRouter()
  .openapi(createUpload, async (c) => c.json(await Resources.createUpload(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200))
  .openapi(createResource, async (c) => c.json(await Resources.createResource(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(listResources, async (c) => c.json(await Resources.listResources(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(myMaterials, async (c) => c.json(await Resources.myMaterials(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(getResource, async (c) => {
    const { studioId, resourceId } = c.req.valid("param");
    return c.json(await Resources.getResource(c.get("actor"), studioId, resourceId), 200);
  })
  .openapi(updateResource, async (c) => {
    const { studioId, resourceId } = c.req.valid("param");
    return c.json(await Resources.updateResource(c.get("actor"), studioId, resourceId, c.req.valid("json")), 200);
  })
  .openapi(trashResource, async (c) => {
    const { studioId, resourceId } = c.req.valid("param");
    return c.json(await Resources.trashResource(c.get("actor"), studioId, resourceId), 200);
  })
  .openapi(restoreResource, async (c) => {
    const { studioId, resourceId } = c.req.valid("param");
    return c.json(await Resources.restoreResource(c.get("actor"), studioId, resourceId), 200);
  })
  .openapi(addVersion, async (c) => {
    const { studioId, resourceId } = c.req.valid("param");
    return c.json(await Resources.addResourceVersion(c.get("actor"), studioId, resourceId, c.req.valid("json")), 201);
  })
  .openapi(share, async (c) => {
    const { studioId, resourceId } = c.req.valid("param");
    return c.json(await Resources.shareResource(c.get("actor"), studioId, resourceId, c.req.valid("json")), 200);
  })
  .openapi(unshare, async (c) => {
    const { studioId, resourceId, audienceKey } = c.req.valid("param");
    return c.json(await Resources.unshareResource(c.get("actor"), studioId, resourceId, audienceKey), 200);
  })
  .openapi(download, async (c) => {
    const { studioId, resourceId } = c.req.valid("param");
    return c.json(await Resources.downloadResource(c.get("actor"), studioId, resourceId, c.req.valid("query")), 200, { "Cache-Control": "private, no-store" });
  })
  .openapi(lessonMaterials, async (c) => {
    const { studioId, lessonId } = c.req.valid("param");
    return c.json(await Resources.lessonMaterials(c.get("actor"), studioId, lessonId, c.req.valid("query")), 200);
  });
