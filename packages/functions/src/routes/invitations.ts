import { createRoute, z } from "@hono/zod-openapi";
import { Invitations } from "@studiosync/core";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { createRouter } from "../http/router";
import { InvitationPageSchema, InvitationSchema } from "../schemas/invitation";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { idempotencyHeader, pathId, secured } from "../http/route-params";

const tags = ["Invitations"];
const params = z.object({ studioId: pathId("studioId") });
const itemParams = params.extend({ invitationId: pathId("invitationId") });

const createInvitation = createRoute({
  method: "post",
  path: "/{studioId}/invitations",
  tags,
  summary: "Invite someone by email with a role and the profile they will be (admins); emails a single-use link",
  security: secured.security,
  middleware: [requireActor, idempotent("invitation-create")] as const,
  request: { params, headers: idempotencyHeader, body: jsonBody(Invitations.createInvitationSchema.openapi("CreateInvitationRequest")) },
  responses: { 201: jsonResponse(InvitationSchema, "Invited; the email is on its way"), ...problems(400, 401, 403, 404, 409, 422, 429) },
});

const listInvitations = createRoute({
  method: "get",
  path: "/{studioId}/invitations",
  tags,
  summary: "The studio's invitations, newest first (admins)",
  ...secured,
  request: { params, query: Invitations.listInvitationsQuerySchema },
  responses: { 200: jsonResponse(InvitationPageSchema, "A page of invitations"), ...problems(401, 403, 404, 422) },
});

const getInvitation = createRoute({
  method: "get",
  path: "/{studioId}/invitations/{invitationId}",
  tags,
  summary: "One invitation (admins)",
  ...secured,
  request: { params: itemParams },
  responses: { 200: jsonResponse(InvitationSchema, "The invitation"), ...problems(401, 403, 404) },
});

const resendInvitation = createRoute({
  method: "post",
  path: "/{studioId}/invitations/{invitationId}/resend",
  tags,
  summary: "Email a new link valid for 7 more days; earlier links stop working (admins)",
  security: secured.security,
  middleware: [requireActor, idempotent("invitation-resend")] as const,
  request: { params: itemParams, headers: idempotencyHeader },
  responses: { 200: jsonResponse(InvitationSchema, "Resent"), ...problems(401, 403, 404, 409, 429) },
});

const revokeInvitation = createRoute({
  method: "post",
  path: "/{studioId}/invitations/{invitationId}/revoke",
  tags,
  summary: "Withdraw a pending invitation; its link stops working (admins)",
  ...secured,
  request: { params: itemParams },
  responses: { 200: jsonResponse(InvitationSchema, "Revoked"), ...problems(401, 403, 404, 409) },
});

export const invitationRoutes = createRouter()
  .openapi(createInvitation, async (c) => c.json(await Invitations.createInvitation(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(listInvitations, async (c) => c.json(await Invitations.listInvitations(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(getInvitation, async (c) => {
    const { studioId, invitationId } = c.req.valid("param");
    return c.json(await Invitations.getInvitation(c.get("actor"), studioId, invitationId), 200);
  })
  .openapi(resendInvitation, async (c) => {
    const { studioId, invitationId } = c.req.valid("param");
    return c.json(await Invitations.resendInvitation(c.get("actor"), studioId, invitationId), 200);
  })
  .openapi(revokeInvitation, async (c) => {
    const { studioId, invitationId } = c.req.valid("param");
    return c.json(await Invitations.revokeInvitation(c.get("actor"), studioId, invitationId), 200);
  });
