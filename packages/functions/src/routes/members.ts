import { createRoute, z } from "@hono/zod-openapi";
import { Members } from "@studiosync/core";
import { createRouter } from "../http/router";
import { MemberPageSchema, MemberSchema } from "../schemas/member";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured } from "../http/route-params";

const tags = ["Members"];
const params = z.object({ studioId: pathId("studioId") });
const memberParams = params.extend({ userId: pathId("userId") });

const listMembers = createRoute({
  method: "get",
  path: "/{studioId}/members",
  tags,
  summary: "The studio's members with name, email and role (admins)",
  ...secured,
  request: { params, query: Members.listMembersQuerySchema },
  responses: { 200: jsonResponse(MemberPageSchema, "A page of members"), ...problems(401, 403, 404, 422) },
});

const updateMember = createRoute({
  method: "patch",
  path: "/{studioId}/members/{userId}",
  tags,
  summary: "Change a member's role (admins; only owners make or unmake owners; the last owner stays)",
  ...secured,
  request: { params: memberParams, body: jsonBody(Members.updateMemberSchema.openapi("UpdateMemberRequest")) },
  responses: { 200: jsonResponse(MemberSchema, "The member"), ...problems(400, 401, 403, 404, 409, 422) },
});

const deactivateMember = createRoute({
  method: "post",
  path: "/{studioId}/members/{userId}/deactivate",
  tags,
  summary: "Suspend a member: no access from the next request, their sign-ins end at once (admins)",
  ...secured,
  request: { params: memberParams },
  responses: { 200: jsonResponse(MemberSchema, "Deactivated"), ...problems(401, 403, 404, 409) },
});

const reactivateMember = createRoute({
  method: "post",
  path: "/{studioId}/members/{userId}/reactivate",
  tags,
  summary: "Give a deactivated member their access back (admins)",
  ...secured,
  request: { params: memberParams },
  responses: { 200: jsonResponse(MemberSchema, "Reactivated"), ...problems(401, 403, 404, 409) },
});

const removeMember = createRoute({
  method: "delete",
  path: "/{studioId}/members/{userId}",
  tags,
  summary: "Remove a member (their records stay); their sign-ins end at once (admins)",
  ...secured,
  request: { params: memberParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
});

export const memberRoutes = createRouter()
  .openapi(listMembers, async (c) => c.json(await Members.listMembers(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(updateMember, async (c) => {
    const { studioId, userId } = c.req.valid("param");
    return c.json(await Members.changeMemberRole(c.get("actor"), studioId, userId, c.req.valid("json")), 200);
  })
  .openapi(deactivateMember, async (c) => {
    const { studioId, userId } = c.req.valid("param");
    return c.json(await Members.deactivateMember(c.get("actor"), studioId, userId), 200);
  })
  .openapi(reactivateMember, async (c) => {
    const { studioId, userId } = c.req.valid("param");
    return c.json(await Members.reactivateMember(c.get("actor"), studioId, userId), 200);
  })
  .openapi(removeMember, async (c) => {
    const { studioId, userId } = c.req.valid("param");
    await Members.removeMember(c.get("actor"), studioId, userId);
    return c.body(null, 204);
  });
