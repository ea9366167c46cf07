import { createRoute } from "@hono/zod-openapi";
import * as Teaching from "@studiosync/core/teaching";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { GoalPageSchema, GoalSchema } from "../schemas/teaching";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Goals"];
const params = studioParams.extend({ goalId: pathId("goalId") });

const listGoals = createRoute({
  method: "get",
  path: "/{studioId}/goals",
  tags,
  summary: "A student's goals (whoever may see the student: admins, their teacher, themself, their parents)",
  description: "`studentId` is required; `status` filters.",
  ...secured,
  request: { params: studioParams, query: Teaching.listGoalsQuerySchema },
  responses: { 200: jsonResponse(GoalPageSchema, "One page of goals, oldest first"), ...problems(401, 404, 422) },
});

const createGoal = createRoute({
  method: "post",
  path: "/{studioId}/goals",
  tags,
  summary: "Set a goal for a student (admins, the student's teacher); achieved sets progress 100",
  ...secured,
  request: { params: studioParams, body: jsonBody(Teaching.createGoalSchema.openapi("CreateGoalRequest")) },
  responses: { 201: jsonResponse(GoalSchema, "The new goal"), ...problems(401, 403, 404, 422) },
});

const getGoal = createRoute({
  method: "get",
  path: "/{studioId}/goals/{goalId}",
  tags,
  summary: "One goal (whoever may see its student)",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(GoalSchema, "The goal"), ...problems(401, 404) },
});

const updateGoal = createRoute({
  method: "patch",
  path: "/{studioId}/goals/{goalId}",
  tags,
  summary: "Change a goal or its progress (admins, the student's teacher). `null` clears",
  ...secured,
  request: { params, body: jsonBody(Teaching.updateGoalSchema.openapi("UpdateGoalRequest")) },
  responses: { 200: jsonResponse(GoalSchema, "The updated goal"), ...problems(401, 403, 404, 409, 422) },
});

const deleteGoal = createRoute({
  method: "delete",
  path: "/{studioId}/goals/{goalId}",
  tags,
  summary: "Soft-delete a goal (admins, the student's teacher)",
  ...secured,
  request: { params },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

export const goalRoutes = createRouter()
  .openapi(listGoals, async (c) => c.json(await Teaching.listGoals(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createGoal, async (c) => c.json(await Teaching.createGoal(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getGoal, async (c) => {
    const { studioId, goalId } = c.req.valid("param");
    return c.json(await Teaching.getGoal(c.get("actor"), studioId, goalId), 200);
  })
  .openapi(updateGoal, async (c) => {
    const { studioId, goalId } = c.req.valid("param");
    return c.json(await Teaching.updateGoal(c.get("actor"), studioId, goalId, c.req.valid("json")), 200);
  })
  .openapi(deleteGoal, async (c) => {
    const { studioId, goalId } = c.req.valid("param");
    await Teaching.deleteGoal(c.get("actor"), studioId, goalId);
    return c.body(null, 204);
  });
