import { createRoute } from "@hono/zod-openapi";
import * as Planning from "@studiosync/core/planning";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { createRouter } from "../http/router";
import { ClosurePageSchema, ClosurePreviewSchema, ClosureSchema } from "../schemas/cancellations";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { idempotencyHeader, pathId, secured, studioParams } from "../http/route-params";

const tags = ["Closures"];
const closureParams = studioParams.extend({ closureId: pathId("closureId") });

const listClosures = createRoute({
  method: "get",
  path: "/{studioId}/closures",
  tags,
  summary: "The studio's closures ending on or after `from` (today by default), by end date (every member)",
  ...secured,
  request: { params: studioParams, query: Planning.listClosuresQuerySchema },
  responses: { 200: jsonResponse(ClosurePageSchema, "One page of closures"), ...problems(401, 404, 422) },
});

const createClosure = createRoute({
  method: "post",
  path: "/{studioId}/closures",
  tags,
  summary: "Close the studio on local dates and cancel the lessons in them (admins)",
  description:
    "Bookings into the dates are refused from then on. Every scheduled lesson still to come in them is cancelled by the " +
    'studio ("Studio closed: <reason>") with make-up credits as the policy says, and each affected student and family gets ' +
    "one email listing all their cancelled lessons. Sending the same closure again resumes it instead of adding a second one.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("closure-create")] as const,
  request: { params: studioParams, headers: idempotencyHeader, body: jsonBody(Planning.createClosureSchema.openapi("CreateClosureRequest")) },
  responses: { 201: jsonResponse(ClosureSchema, "The closure, with the lessons it cancelled"), ...problems(400, 401, 403, 404, 409, 422) },
});

const previewClosure = createRoute({
  method: "get",
  path: "/{studioId}/closures/preview",
  tags,
  summary: "The lessons a closure of local dates would cancel, and the make-up credits it would issue, before adding it (admins)",
  ...secured,
  request: { params: studioParams, query: Planning.previewClosureQuerySchema },
  responses: { 200: jsonResponse(ClosurePreviewSchema, "What the closure would cancel"), ...problems(401, 403, 404, 422) },
});

const deleteClosure = createRoute({
  method: "delete",
  path: "/{studioId}/closures/{closureId}",
  tags,
  summary: "Remove a closure (admins); its dates can be booked again, but the lessons it cancelled stay cancelled",
  ...secured,
  request: { params: closureParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404) },
});

export const closureRoutes = createRouter()
  .openapi(listClosures, async (c) => c.json(await Planning.listClosures(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(previewClosure, async (c) => c.json(await Planning.previewClosure(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createClosure, async (c) => c.json(await Planning.createClosure(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(deleteClosure, async (c) => {
    const { studioId, closureId } = c.req.valid("param");
    await Planning.deleteClosure(c.get("actor"), studioId, closureId);
    return c.body(null, 204);
  });
