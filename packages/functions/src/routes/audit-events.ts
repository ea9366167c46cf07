import { createRoute } from "@hono/zod-openapi";
import { Audit } from "@studiosync/core";
import { requireActor } from "../http/auth";
import { createRouter } from "../http/router";
import { AuditEventPageSchema } from "../schemas/audit-event";
import { jsonResponse, problems } from "../schemas/problem";
import { studioParams } from "../http/route-params";

const listAuditEvents = createRoute({
  method: "get",
  path: "/{studioId}/audit-events",
  tags: ["Audit"],
  summary: "Who changed what, newest first (admins); one record's history with entityType + entityId",
  security: [{ bearer: [] }],
  middleware: requireActor,
  request: {
    params: studioParams,
    query: Audit.listAuditEventsQuerySchema,
  },
  responses: { 200: jsonResponse(AuditEventPageSchema, "A page of audit events"), ...problems(401, 403, 404, 422) },
});

export const auditEventRoutes = createRouter().openapi(listAuditEvents, async (c) =>
  c.json(await Audit.listAuditEvents(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200),
);
