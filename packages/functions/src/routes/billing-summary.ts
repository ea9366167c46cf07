import { createRoute } from "@hono/zod-openapi";
import * as Billing from "@studiosync/core/billing";
import { createRouter } from "../http/router";
import { secured, studioParams } from "../http/route-params";
import { BillingSummarySchema } from "../schemas/billing-accounts";
import { jsonResponse, problems } from "../schemas/problem";

const summary = createRoute({
  method: "get",
  path: "/{studioId}/billing-summary",
  tags: ["Billing accounts"],
  summary: "Outstanding balances, credit held, overdue invoices and revenue by month for the last 12 months (admins)",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(BillingSummarySchema, "The summary, as of the studio's local today"), ...problems(401, 403, 404) },
});

export const billingSummaryRoutes = createRouter().openapi(summary, async (c) =>
  c.json(await Billing.billingSummary(c.get("actor"), c.req.valid("param").studioId), 200),
);
