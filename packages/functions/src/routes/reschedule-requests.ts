import { createRoute } from "@hono/zod-openapi";
import * as Scheduling from "@studiosync/core/scheduling";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { createRouter } from "../http/router";
import { RescheduleRequestPageSchema, RescheduleRequestSchema } from "../schemas/reschedule-requests";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { idempotencyHeader, pathId, secured, studioParams } from "../http/route-params";

const tags = ["Reschedule requests"];
const requestParams = studioParams.extend({ requestId: pathId("requestId") });

const createRequest = createRoute({
  method: "post",
  path: "/{studioId}/reschedule-requests",
  tags,
  summary: "Ask to move a lesson (the lesson's student or their parents)",
  description:
    "The lesson must be scheduled and not started; `proposedStart` in the future (the lesson keeps its length). One pending " +
    "request per lesson (409). Emails the lesson's teacher and the studio's owners and admins. Admins and teachers move " +
    "lessons directly (PATCH), so they get 403. Accepts an `Idempotency-Key`.",
  security: secured.security,
  middleware: [requireActor, idempotent("reschedule-request-create")] as const,
  request: { params: studioParams, headers: idempotencyHeader, body: jsonBody(Scheduling.createRescheduleRequestSchema.openapi("CreateRescheduleRequest")) },
  responses: { 201: jsonResponse(RescheduleRequestSchema, "The pending request"), ...problems(401, 403, 404, 409, 422) },
});

const listRequests = createRoute({
  method: "get",
  path: "/{studioId}/reschedule-requests",
  tags,
  summary: "Reschedule requests, newest first (admins: by status, default pending; teachers: their lessons'; students and parents: theirs)",
  description: "Parents see each child's requests in turn (or one child's with `studentId`). `status` filters the page for non-admins.",
  ...secured,
  request: { params: studioParams, query: Scheduling.listRescheduleRequestsQuerySchema },
  responses: { 200: jsonResponse(RescheduleRequestPageSchema, "One page of requests"), ...problems(401, 403, 404, 422) },
});

const getRequest = createRoute({
  method: "get",
  path: "/{studioId}/reschedule-requests/{requestId}",
  tags,
  summary: "One reschedule request (admins, the lesson's teacher, the student and their parents)",
  ...secured,
  request: { params: requestParams },
  responses: { 200: jsonResponse(RescheduleRequestSchema, "The request"), ...problems(401, 404) },
});

const approveRequest = createRoute({
  method: "post",
  path: "/{studioId}/reschedule-requests/{requestId}/approve",
  tags,
  summary: "Approve: the lesson moves to the proposed time (admins and the lesson's teacher)",
  description:
    "Re-checks the studio's closures and every booking of the teacher, students and room: a conflict is a 409 naming the " +
    "lesson in the way, and the request stays pending. The lesson records `rescheduledFrom`. Emails the student and their " +
    "family's guardians. Accepts an `Idempotency-Key`.",
  security: secured.security,
  middleware: [requireActor, idempotent("reschedule-request-approve")] as const,
  request: { params: requestParams, headers: idempotencyHeader, body: jsonBody(Scheduling.reviewRescheduleRequestSchema.openapi("ReviewRescheduleRequest")) },
  responses: { 200: jsonResponse(RescheduleRequestSchema, "The approved request"), ...problems(401, 403, 404, 409, 422) },
});

const rejectRequest = createRoute({
  method: "post",
  path: "/{studioId}/reschedule-requests/{requestId}/reject",
  tags,
  summary: "Reject; the lesson stays (admins and the lesson's teacher)",
  description: "An optional `note` goes to the student and their family's guardians by email. Accepts an `Idempotency-Key`.",
  security: secured.security,
  middleware: [requireActor, idempotent("reschedule-request-reject")] as const,
  request: { params: requestParams, headers: idempotencyHeader, body: jsonBody(Scheduling.reviewRescheduleRequestSchema) },
  responses: { 200: jsonResponse(RescheduleRequestSchema, "The rejected request"), ...problems(401, 403, 404, 409, 422) },
});

const withdrawRequest = createRoute({
  method: "post",
  path: "/{studioId}/reschedule-requests/{requestId}/withdraw",
  tags,
  summary: "Take a pending request back (the person who asked)",
  ...secured,
  request: { params: requestParams },
  responses: { 200: jsonResponse(RescheduleRequestSchema, "The withdrawn request"), ...problems(401, 403, 404, 409) },
});

export const rescheduleRequestRoutes = createRouter()
  .openapi(createRequest, async (c) =>
    c.json(await Scheduling.createRescheduleRequest(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201),
  )
  .openapi(listRequests, async (c) => c.json(await Scheduling.listRescheduleRequests(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(getRequest, async (c) => {
    const { studioId, requestId } = c.req.valid("param");
    return c.json(await Scheduling.getRescheduleRequest(c.get("actor"), studioId, requestId), 200);
  })
  .openapi(approveRequest, async (c) => {
    const { studioId, requestId } = c.req.valid("param");
    return c.json(await Scheduling.approveRescheduleRequest(c.get("actor"), studioId, requestId, c.req.valid("json")), 200);
  })
  .openapi(rejectRequest, async (c) => {
    const { studioId, requestId } = c.req.valid("param");
    return c.json(await Scheduling.rejectRescheduleRequest(c.get("actor"), studioId, requestId, c.req.valid("json")), 200);
  })
  .openapi(withdrawRequest, async (c) => {
    const { studioId, requestId } = c.req.valid("param");
    return c.json(await Scheduling.withdrawRescheduleRequest(c.get("actor"), studioId, requestId), 200);
  });
