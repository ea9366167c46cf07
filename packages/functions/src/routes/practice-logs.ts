import { createRoute } from "@hono/zod-openapi";
import * as Teaching from "@studiosync/core/teaching";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { PracticeLogPageSchema, PracticeLogSchema } from "../schemas/teaching";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Practice logs"];
const params = studioParams.extend({ logId: pathId("logId") });

const listLogs = createRoute({
  method: "get",
  path: "/{studioId}/practice-logs",
  tags,
  summary: "A student's practice, newest first (whoever may see the student, so their teacher too)",
  description: "`studentId` is required; `from`/`to` are inclusive local dates.",
  ...secured,
  request: { params: studioParams, query: Teaching.listPracticeLogsQuerySchema },
  responses: { 200: jsonResponse(PracticeLogPageSchema, "One page of practice logs"), ...problems(401, 404, 422) },
});

const createLog = createRoute({
  method: "post",
  path: "/{studioId}/practice-logs",
  tags,
  summary: "Record practice (the student, their parents, admins); practisedOn is a local date, not in the future",
  ...secured,
  request: { params: studioParams, body: jsonBody(Teaching.createPracticeLogSchema.openapi("CreatePracticeLogRequest")) },
  responses: { 201: jsonResponse(PracticeLogSchema, "The recorded practice"), ...problems(401, 403, 404, 422) },
});

const deleteLog = createRoute({
  method: "delete",
  path: "/{studioId}/practice-logs/{logId}",
  tags,
  summary: "Delete a practice log (the student, their parents, admins)",
  ...secured,
  request: { params },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

export const practiceLogRoutes = createRouter()
  .openapi(listLogs, async (c) => c.json(await Teaching.listPracticeLogs(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createLog, async (c) => c.json(await Teaching.createPracticeLog(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(deleteLog, async (c) => {
    const { studioId, logId } = c.req.valid("param");
    await Teaching.deletePracticeLog(c.get("actor"), studioId, logId);
    return c.body(null, 204);
  });
