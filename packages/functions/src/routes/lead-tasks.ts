import { createRoute } from "@hono/zod-openapi";
import * as Leads from "@studiosync/core/leads";
import { pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { LeadTaskPageSchema, LeadTaskSchema } from "../schemas/leads";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Leads"];
const params = studioParams.extend({ leadId: pathId("leadId") });
const taskParams = params.extend({ taskId: pathId("taskId") });

const listTasks = createRoute({
  method: "get",
  path: "/{studioId}/leads/{leadId}/tasks",
  tags,
  summary: "A lead's follow-up tasks, newest first (whoever sees the lead)",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(LeadTaskPageSchema, "The tasks"), ...problems(401, 403, 404) },
});

const createTask = createRoute({
  method: "post",
  path: "/{studioId}/leads/{leadId}/tasks",
  tags,
  summary: "Add a follow-up task (owners, admins): its owner gets the daily follow-ups email on the due day",
  ...secured,
  request: { params, body: jsonBody(Leads.createLeadTaskSchema.openapi("CreateLeadTaskRequest")) },
  responses: { 201: jsonResponse(LeadTaskSchema, "The task"), ...problems(401, 403, 404, 422) },
});

const updateTask = createRoute({
  method: "patch",
  path: "/{studioId}/leads/{leadId}/tasks/{taskId}",
  tags,
  summary: "Change a task, or mark it done or open again (owners, admins)",
  ...secured,
  request: { params: taskParams, body: jsonBody(Leads.updateLeadTaskSchema.openapi("UpdateLeadTaskRequest")) },
  responses: { 200: jsonResponse(LeadTaskSchema, "The task"), ...problems(401, 403, 404, 409, 422) },
});

export const leadTaskRoutes = createRouter()
  .openapi(listTasks, async (c) => {
    const { studioId, leadId } = c.req.valid("param");
    return c.json(await Leads.listLeadTasks(c.get("actor"), studioId, leadId), 200);
  })
  .openapi(createTask, async (c) => {
    const { studioId, leadId } = c.req.valid("param");
    return c.json(await Leads.createLeadTask(c.get("actor"), studioId, leadId, c.req.valid("json")), 201);
  })
  .openapi(updateTask, async (c) => {
    const { studioId, leadId, taskId } = c.req.valid("param");
    return c.json(await Leads.updateLeadTask(c.get("actor"), studioId, leadId, taskId, c.req.valid("json")), 200);
  });
