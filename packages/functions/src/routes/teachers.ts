import { createRoute, z } from "@hono/zod-openapi";
import { People } from "@studiosync/core";
import { createRouter } from "../http/router";
import { PublicTeacherListSchema, TeacherPageSchema, TeacherSchema } from "../schemas/people";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { LogoUploadSchema } from "../schemas/studio";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Teachers"];
const params = studioParams.extend({ teacherId: pathId("teacherId") });

const listTeachers = createRoute({
  method: "get",
  path: "/{studioId}/teachers",
  tags,
  summary: "The teacher directory (members), by name; `q` searches name or email prefix; `deleted=true` (admins) the deleted ones, to restore",
  ...secured,
  request: { params: studioParams, query: People.listTeachersQuerySchema },
  responses: { 200: jsonResponse(TeacherPageSchema, "One page of teachers"), ...problems(401, 404, 422) },
});

const createTeacher = createRoute({
  method: "post",
  path: "/{studioId}/teachers",
  tags,
  summary: "Add a teacher (owner, admin)",
  ...secured,
  request: { params: studioParams, body: jsonBody(People.createTeacherSchema.openapi("CreateTeacherRequest")) },
  responses: { 201: jsonResponse(TeacherSchema, "The new teacher"), ...problems(401, 403, 404, 422) },
});

const getTeacher = createRoute({
  method: "get",
  path: "/{studioId}/teachers/{teacherId}",
  tags,
  summary: "One teacher (members); the hourly rate only for admins and the teacher",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(TeacherSchema, "The teacher"), ...problems(401, 404) },
});

const updateTeacher = createRoute({
  method: "patch",
  path: "/{studioId}/teachers/{teacherId}",
  tags,
  summary: "Change a teacher (admins; a teacher their own bio, specialties, phone, availability, public profile). `null` clears",
  ...secured,
  request: { params, body: jsonBody(People.updateTeacherSchema.openapi("UpdateTeacherRequest")) },
  responses: { 200: jsonResponse(TeacherSchema, "The updated teacher"), ...problems(401, 403, 404, 409, 422) },
});

const deleteTeacher = createRoute({
  method: "delete",
  path: "/{studioId}/teachers/{teacherId}",
  tags,
  summary: "Soft-delete a teacher (owner, admin); restore brings them back",
  ...secured,
  request: { params },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

const restoreTeacher = createRoute({
  method: "post",
  path: "/{studioId}/teachers/{teacherId}/restore",
  tags,
  summary: "Restore a soft-deleted teacher (owner, admin)",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(TeacherSchema, "The restored teacher"), ...problems(401, 403, 404, 409) },
});

const photoUpload = createRoute({
  method: "post",
  path: "/{studioId}/teachers/{teacherId}/photo-upload",
  tags,
  summary: "A presigned URL to upload a teacher's photo (admins; a teacher their own); then PATCH the teacher with `photoKey`",
  ...secured,
  request: { params, body: jsonBody(People.photoUploadSchema.openapi("PhotoUploadRequest")) },
  responses: { 200: jsonResponse(LogoUploadSchema, "Upload the file with PUT to uploadUrl"), ...problems(400, 401, 403, 404, 422) },
});

export const teacherRoutes = createRouter()
  .openapi(listTeachers, async (c) => c.json(await People.listTeachers(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createTeacher, async (c) => c.json(await People.createTeacher(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getTeacher, async (c) => {
    const { studioId, teacherId } = c.req.valid("param");
    return c.json(await People.getTeacher(c.get("actor"), studioId, teacherId), 200);
  })
  .openapi(updateTeacher, async (c) => {
    const { studioId, teacherId } = c.req.valid("param");
    return c.json(await People.updateTeacher(c.get("actor"), studioId, teacherId, c.req.valid("json")), 200);
  })
  .openapi(deleteTeacher, async (c) => {
    const { studioId, teacherId } = c.req.valid("param");
    await People.deleteTeacher(c.get("actor"), studioId, teacherId);
    return c.body(null, 204);
  })
  .openapi(restoreTeacher, async (c) => {
    const { studioId, teacherId } = c.req.valid("param");
    return c.json(await People.restoreTeacher(c.get("actor"), studioId, teacherId), 200);
  })
  .openapi(photoUpload, async (c) => {
    const { studioId, teacherId } = c.req.valid("param");
    return c.json(await People.createTeacherPhotoUpload(c.get("actor"), studioId, teacherId, c.req.valid("json")), 200);
  });

const listPublicTeachers = createRoute({
  method: "get",
  path: "/studios/{slug}/teachers",
  tags: ["Public"],
  summary: "The teachers a studio shows on its public page (public and active)",
  request: {
    params: z.object({
      slug: z
        .string()
        .max(64)
        .openapi({ param: { name: "slug", in: "path" } }),
    }),
  },
  responses: { 200: jsonResponse(PublicTeacherListSchema, "The studio's public teachers"), ...problems(404) },
});

/** Public teacher list, to mount at /v1/public (wired by app.ts). */
export const publicTeacherRoutes = createRouter().openapi(listPublicTeachers, async (c) =>
  c.json(await People.listPublicTeachers(c.req.valid("param").slug), 200),
);
