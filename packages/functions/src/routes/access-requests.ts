import { createRoute, z } from "@hono/zod-openapi";
import { AccessRequests } from "@studiosync/core";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { createRouter } from "../http/router";
import { AccessRequestPageSchema, AccessRequestSchema, ApprovedAccessRequestSchema } from "../schemas/access-request";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured } from "../http/route-params";

const tags = ["Access requests"];
const params = z.object({ studioId: pathId("studioId") });
const itemParams = params.extend({ requestId: pathId("requestId") });

const listAccessRequests = createRoute({
  method: "get",
  path: "/{studioId}/access-requests",
  tags,
  summary: "Requests to join the studio, newest first (admins)",
  ...secured,
  request: { params, query: AccessRequests.listAccessRequestsQuerySchema },
  responses: { 200: jsonResponse(AccessRequestPageSchema, "A page of access requests"), ...problems(401, 403, 404, 422) },
});

const getAccessRequest = createRoute({
  method: "get",
  path: "/{studioId}/access-requests/{requestId}",
  tags,
  summary: "One request to join the studio, whatever its status (admins)",
  ...secured,
  request: { params: itemParams },
  responses: { 200: jsonResponse(AccessRequestSchema, "The access request"), ...problems(401, 403, 404) },
});

const approveAccessRequest = createRoute({
  method: "post",
  path: "/{studioId}/access-requests/{requestId}/approve",
  tags,
  summary: "Approve: emails the requester an invitation with the requested role and the profile given here (admins)",
  security: secured.security,
  middleware: [requireActor, idempotent("access-request-approve")] as const,
  request: {
    params: itemParams,
    headers: z.object({ "Idempotency-Key": z.string().optional() }),
    body: jsonBody(AccessRequests.approveAccessRequestSchema.openapi("ApproveAccessRequest")),
  },
  responses: { 200: jsonResponse(ApprovedAccessRequestSchema, "Approved; the invitation is on its way"), ...problems(400, 401, 403, 404, 409, 422, 429) },
});

const rejectAccessRequest = createRoute({
  method: "post",
  path: "/{studioId}/access-requests/{requestId}/reject",
  tags,
  summary: "Reject, with an optional note emailed to the requester (admins)",
  ...secured,
  request: { params: itemParams, body: jsonBody(AccessRequests.rejectAccessRequestSchema.openapi("RejectAccessRequest")) },
  responses: { 200: jsonResponse(AccessRequestSchema, "Rejected"), ...problems(400, 401, 403, 404, 409, 422) },
});

export const accessRequestRoutes = createRouter()
  .openapi(listAccessRequests, async (c) =>
    c.json(await AccessRequests.listAccessRequests(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200),
  )
  .openapi(getAccessRequest, async (c) => {
    const { studioId, requestId } = c.req.valid("param");
    return c.json(await AccessRequests.getAccessRequest(c.get("actor"), studioId, requestId), 200);
  })
  .openapi(approveAccessRequest, async (c) => {
    const { studioId, requestId } = c.req.valid("param");
    return c.json(await AccessRequests.approveAccessRequest(c.get("actor"), studioId, requestId, c.req.valid("json")), 200);
  })
  .openapi(rejectAccessRequest, async (c) => {
    const { studioId, requestId } = c.req.valid("param");
    return c.json(await AccessRequests.rejectAccessRequest(c.get("actor"), studioId, requestId, c.req.valid("json")), 200);
  });
