import { createRoute } from "@hono/zod-openapi";
import { portalHome, portalHomeQuerySchema } from "@studiosync/core/portal";
import { createRouter } from "../http/router";
import { secured, studioParams } from "../http/route-params";
import { PortalHomeSchema } from "../schemas/portal";
import { jsonResponse, problems } from "../schemas/problem";

const getPortalHome = createRoute({
  method: "get",
  path: "/{studioId}/portal",
  tags: ["Portal"],
  summary: "A student's or parent's portal Home in one read: household, upcoming lessons, make-up credits, balance and open invoices (students, parents)",
  description:
    "Only ever the caller's own: a parent's family and its children, an adult student themself. `studentId` narrows the lessons " +
    "and credits to one child of the household (any other id: 404). Staff: 403 (the workspace is theirs); another studio: 404.",
  ...secured,
  request: { params: studioParams, query: portalHomeQuerySchema },
  responses: { 200: jsonResponse(PortalHomeSchema, "The portal's Home"), ...problems(401, 403, 404, 422) },
});

export const portalRoutes = createRouter().openapi(getPortalHome, async (c) =>
  c.json(await portalHome(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200),
);
