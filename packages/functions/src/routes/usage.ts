import { createRoute } from "@hono/zod-openapi";
// The module itself, not the core root's namespace: the bundle keeps only what these routes use.
import * as Metering from "@studiosync/core/metering";
import { createRouter } from "../http/router";
import { secured, studioParams } from "../http/route-params";
import { jsonResponse, problems } from "../schemas/problem";
import { UsageMarkPageSchema, UsageOverviewSchema } from "../schemas/usage";

const tags = ["Usage"];

const getUsage = createRoute({
  method: "get",
  path: "/{studioId}/usage",
  tags,
  summary: "What the studio used this month so far and what it will pay, and the last 12 months (owners and admins)",
  description:
    "Months are calendar months in the studio's zone. Active students are counted once a month however many lessons they have; " +
    "the bill is priced with the platform price in force for the month (free allowances, then per unit).",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(UsageOverviewSchema, "The usage overview"), ...problems(401, 403, 404) },
});

const listMarks = createRoute({
  method: "get",
  path: "/{studioId}/usage/{month}/{metric}",
  tags,
  summary: "The usage events behind a month's counter: which students counted as active, the lessons held, the emails sent, the storage samples",
  ...secured,
  request: { params: studioParams.merge(Metering.usageMarksParamsSchema), query: Metering.usageMarksQuerySchema },
  responses: { 200: jsonResponse(UsageMarkPageSchema, "A page of usage events"), ...problems(401, 403, 404, 422) },
});

/** The studio's usage, under /v1/studios. */
export const usageRoutes = createRouter()
  .openapi(getUsage, async (c) => c.json(await Metering.getUsage(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(listMarks, async (c) => {
    const { studioId, month, metric } = c.req.valid("param");
    return c.json(await Metering.listUsageMarks(c.get("actor"), studioId, month, metric, c.req.valid("query")), 200);
  });
