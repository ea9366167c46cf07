import { createRoute } from "@hono/zod-openapi";
import * as Classes from "@studiosync/core/classes";
import { pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { CoursePageSchema, CourseSchema } from "../schemas/classes";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Classes"];
const params = studioParams.extend({ courseId: pathId("courseId") });

const listCourses = createRoute({
  method: "get",
  path: "/{studioId}/courses",
  tags,
  summary: "The studio's courses with their plans, oldest first (every member)",
  ...secured,
  request: { params: studioParams, query: Classes.listCoursesQuerySchema },
  responses: { 200: jsonResponse(CoursePageSchema, "One page of courses"), ...problems(401, 404, 422) },
});

const createCourse = createRoute({
  method: "post",
  path: "/{studioId}/courses",
  tags,
  summary: "Add a course with its plans (owners, admins); each plan gets a term fee plan that bills its admissions",
  ...secured,
  request: { params: studioParams, body: jsonBody(Classes.createCourseSchema.openapi("CreateCourseRequest")) },
  responses: { 201: jsonResponse(CourseSchema, "The course"), ...problems(401, 403, 404, 422) },
});

const getCourse = createRoute({
  method: "get",
  path: "/{studioId}/courses/{courseId}",
  tags,
  summary: "One course (every member)",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(CourseSchema, "The course"), ...problems(401, 404) },
});

const updateCourse = createRoute({
  method: "patch",
  path: "/{studioId}/courses/{courseId}",
  tags,
  summary: "Change a course and its plans (owners, admins); `null` clears",
  description:
    "`plans` replaces the list: a plan with its `id` as `planId` is kept (its fee plan follows its name and price), one without is added, " +
    "one left out is dropped (its fee plan archived; seats already taken keep their terms).",
  ...secured,
  request: { params, body: jsonBody(Classes.updateCourseSchema.openapi("UpdateCourseRequest")) },
  responses: { 200: jsonResponse(CourseSchema, "The course"), ...problems(401, 403, 404, 409, 422) },
});

export const courseRoutes = createRouter()
  .openapi(listCourses, async (c) => c.json(await Classes.listCourses(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createCourse, async (c) => c.json(await Classes.createCourse(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getCourse, async (c) => {
    const { studioId, courseId } = c.req.valid("param");
    return c.json(await Classes.getCourse(c.get("actor"), studioId, courseId), 200);
  })
  .openapi(updateCourse, async (c) => {
    const { studioId, courseId } = c.req.valid("param");
    return c.json(await Classes.updateCourse(c.get("actor"), studioId, courseId, c.req.valid("json")), 200);
  });
