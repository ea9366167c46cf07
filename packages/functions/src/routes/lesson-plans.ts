import { createRoute } from "@hono/zod-openapi";
import * as Teaching from "@studiosync/core/teaching";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { LessonPlanPageSchema, LessonPlanSchema } from "../schemas/teaching";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Lesson plans"];
const params = studioParams.extend({ planId: pathId("planId") });

const listPlans = createRoute({
  method: "get",
  path: "/{studioId}/lesson-plans",
  tags,
  summary: "Lesson plans by title: admins all, teachers their own and the public ones (not students or parents)",
  description: "`mine=true` only the caller's; `teacherId` one author's (a colleague's public ones for a teacher); `q` a title prefix.",
  ...secured,
  request: { params: studioParams, query: Teaching.listLessonPlansQuerySchema },
  responses: { 200: jsonResponse(LessonPlanPageSchema, "One page of plans"), ...problems(401, 403, 404, 422) },
});

const createPlan = createRoute({
  method: "post",
  path: "/{studioId}/lesson-plans",
  tags,
  summary: "Write a lesson plan (admins, teachers); private unless isPublic",
  ...secured,
  request: { params: studioParams, body: jsonBody(Teaching.createLessonPlanSchema.openapi("CreateLessonPlanRequest")) },
  responses: { 201: jsonResponse(LessonPlanSchema, "The new plan"), ...problems(401, 403, 404, 422) },
});

const getPlan = createRoute({
  method: "get",
  path: "/{studioId}/lesson-plans/{planId}",
  tags,
  summary: "One lesson plan (admins; teachers their own and public ones)",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(LessonPlanSchema, "The plan"), ...problems(401, 404) },
});

const updatePlan = createRoute({
  method: "patch",
  path: "/{studioId}/lesson-plans/{planId}",
  tags,
  summary: "Change a lesson plan (admins, its author). `null` clears",
  ...secured,
  request: { params, body: jsonBody(Teaching.updateLessonPlanSchema.openapi("UpdateLessonPlanRequest")) },
  responses: { 200: jsonResponse(LessonPlanSchema, "The updated plan"), ...problems(401, 403, 404, 409, 422) },
});

const deletePlan = createRoute({
  method: "delete",
  path: "/{studioId}/lesson-plans/{planId}",
  tags,
  summary: "Soft-delete a lesson plan (admins, its author)",
  ...secured,
  request: { params },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

export const lessonPlanRoutes = createRouter()
  .openapi(listPlans, async (c) => c.json(await Teaching.listLessonPlans(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createPlan, async (c) => c.json(await Teaching.createLessonPlan(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getPlan, async (c) => {
    const { studioId, planId } = c.req.valid("param");
    return c.json(await Teaching.getLessonPlan(c.get("actor"), studioId, planId), 200);
  })
  .openapi(updatePlan, async (c) => {
    const { studioId, planId } = c.req.valid("param");
    return c.json(await Teaching.updateLessonPlan(c.get("actor"), studioId, planId, c.req.valid("json")), 200);
  })
  .openapi(deletePlan, async (c) => {
    const { studioId, planId } = c.req.valid("param");
    await Teaching.deleteLessonPlan(c.get("actor"), studioId, planId);
    return c.body(null, 204);
  });
