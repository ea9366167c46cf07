import { createRoute, z } from "@hono/zod-openapi";
import { Invitations } from "@studiosync/core";
import { createRouter } from "../http/router";
import { AcceptedInvitationSchema, InvitationPreviewSchema } from "../schemas/invitation";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Invitations"];

const previewInvitation = createRoute({
  method: "get",
  path: "/invitations/{token}",
  tags,
  summary: "What an invitation link is for: studio, role, email, whether it expired",
  request: { params: z.object({ token: Invitations.invitationTokenSchema.openapi({ param: { name: "token", in: "path" } }) }) },
  responses: { 200: jsonResponse(InvitationPreviewSchema, "The invitation"), ...problems(400) },
});

const acceptInvitation = createRoute({
  method: "post",
  path: "/invitations/accept",
  tags,
  summary: "Accept an invitation: joins the studio with an existing login, or creates one (name + password) and signs in",
  request: { body: jsonBody(Invitations.acceptInvitationSchema.openapi("AcceptInvitationRequest")) },
  responses: { 200: jsonResponse(AcceptedInvitationSchema, "Joined the studio"), ...problems(400, 409, 422) },
});

export const publicInvitationRoutes = createRouter()
  .openapi(previewInvitation, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await Invitations.previewInvitation(c.req.valid("param").token), 200);
  })
  .openapi(acceptInvitation, async (c) => c.json(await Invitations.acceptInvitation(c.req.valid("json"), Date.now(), c.req.header("User-Agent")), 200));
