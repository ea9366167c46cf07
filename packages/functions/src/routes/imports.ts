import { createRoute } from "@hono/zod-openapi";
import { Imports } from "@studiosync/core";
import { requireActor } from "../http/auth";
import { createRouter } from "../http/router";
import { ImportReportSchema } from "../schemas/imports";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { studioParams } from "../http/route-params";

const importPeople = createRoute({
  method: "post",
  path: "/{studioId}/imports",
  tags: ["Imports"],
  summary: "Import students or families from CSV (owner, admin), with a report per row",
  description:
    "Each row is validated like the create route of its kind; a bad row is reported failed and the others go on. " +
    "Rows are recognised by an import hash of their normalised values, so importing the same file again creates nothing twice " +
    "(those rows are `skipped` with the existing id). The CSV is at most 60 KB (the API takes 64 KB bodies); an unknown or " +
    "missing required column is a 422. `dryRun` reports without writing.",
  security: [{ bearer: [] }],
  middleware: requireActor,
  request: { params: studioParams, body: jsonBody(Imports.importRequestSchema.openapi("ImportRequest")) },
  responses: { 200: jsonResponse(ImportReportSchema, "What happened to each data row"), ...problems(401, 403, 404, 422) },
});

export const importRoutes = createRouter().openapi(importPeople, async (c) =>
  c.json(await Imports.importPeople(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200),
);
