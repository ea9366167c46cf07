import { createRoute } from "@hono/zod-openapi";
import { Privacy } from "@studiosync/core";
import { createRouter } from "../http/router";
import { ErasureSchema, PrivacyExportSchema } from "../schemas/privacy";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Privacy"];

const requestExport = createRoute({
  method: "post",
  path: "/{studioId}/privacy/exports",
  tags,
  summary: "Export everything the studio holds about a person (admins; a person themself; a parent their children)",
  description:
    "Builds a JSON document (profile, family and guardians, bands, membership, audit events), stores it privately and " +
    "emails the requester a download link valid for 24 hours.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Privacy.privacyRequestSchema.openapi("PrivacyRequest")) },
  responses: { 202: jsonResponse(PrivacyExportSchema, "The export was made and the link emailed"), ...problems(401, 403, 404, 422) },
});

const requestErasure = createRoute({
  method: "post",
  path: "/{studioId}/privacy/erasures",
  tags,
  summary: 'Erase a person\'s personal data (owner, admin): the record stays, anonymised as "Erased Person"',
  ...secured,
  request: { params: studioParams, body: jsonBody(Privacy.privacyRequestSchema) },
  responses: { 200: jsonResponse(ErasureSchema, "The anonymised record"), ...problems(401, 403, 404, 409, 422) },
});

export const privacyRoutes = createRouter()
  .openapi(requestExport, async (c) => c.json(await Privacy.requestExport(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 202))
  .openapi(requestErasure, async (c) => c.json(await Privacy.eraseSubject(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200));
