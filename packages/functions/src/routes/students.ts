import { createRoute } from "@hono/zod-openapi";
import { People } from "@studiosync/core";
import { createRouter } from "../http/router";
import { StudentPageSchema, StudentSchema } from "../schemas/people";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Students"];
const params = studioParams.extend({ studentId: pathId("studentId") });

const listStudents = createRoute({
  method: "get",
  path: "/{studioId}/students",
  tags,
  summary: "Students by name: admins all, teachers their own, students themselves, parents their children",
  description:
    "Filters: `active`, `teacherId`, `instrument`; `q` searches a name prefix, or an email prefix when it contains @. `deleted=true` (owners, admins; others 403) lists the deleted students, to restore.",
  ...secured,
  request: { params: studioParams, query: People.listStudentsQuerySchema },
  responses: { 200: jsonResponse(StudentPageSchema, "One page of students"), ...problems(401, 403, 404, 422) },
});

const createStudent = createRoute({
  method: "post",
  path: "/{studioId}/students",
  tags,
  summary: "Enrol a student (owner, admin)",
  ...secured,
  request: { params: studioParams, body: jsonBody(People.createStudentSchema.openapi("CreateStudentRequest")) },
  responses: { 201: jsonResponse(StudentSchema, "The new student"), ...problems(401, 403, 404, 422) },
});

const getStudent = createRoute({
  method: "get",
  path: "/{studioId}/students/{studentId}",
  tags,
  summary: "One student (admins, their teacher, themselves, their parents); medical notes for admins and teachers only",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(StudentSchema, "The student"), ...problems(401, 404) },
});

const updateStudent = createRoute({
  method: "patch",
  path: "/{studioId}/students/{studentId}",
  tags,
  summary: "Change a student (admins; teachers their own students, not their teacher or family). `null` clears",
  ...secured,
  request: { params, body: jsonBody(People.updateStudentSchema.openapi("UpdateStudentRequest")) },
  responses: { 200: jsonResponse(StudentSchema, "The updated student"), ...problems(401, 403, 404, 409, 422) },
});

const deleteStudent = createRoute({
  method: "delete",
  path: "/{studioId}/students/{studentId}",
  tags,
  summary: "Soft-delete a student (owner, admin); restore brings them back",
  ...secured,
  request: { params },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

const restoreStudent = createRoute({
  method: "post",
  path: "/{studioId}/students/{studentId}/restore",
  tags,
  summary: "Restore a soft-deleted student (owner, admin)",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(StudentSchema, "The restored student"), ...problems(401, 403, 404, 409) },
});

export const studentRoutes = createRouter()
  .openapi(listStudents, async (c) => c.json(await People.listStudents(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createStudent, async (c) => c.json(await People.createStudent(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getStudent, async (c) => {
    const { studioId, studentId } = c.req.valid("param");
    return c.json(await People.getStudent(c.get("actor"), studioId, studentId), 200);
  })
  .openapi(updateStudent, async (c) => {
    const { studioId, studentId } = c.req.valid("param");
    return c.json(await People.updateStudent(c.get("actor"), studioId, studentId, c.req.valid("json")), 200);
  })
  .openapi(deleteStudent, async (c) => {
    const { studioId, studentId } = c.req.valid("param");
    await People.deleteStudent(c.get("actor"), studioId, studentId);
    return c.body(null, 204);
  })
  .openapi(restoreStudent, async (c) => {
    const { studioId, studentId } = c.req.valid("param");
    return c.json(await People.restoreStudent(c.get("actor"), studioId, studentId), 200);
  });
