import { createRoute, z } from "@hono/zod-openapi";
import { Accounts } from "@studiosync/core";
import { unreadNoticeCount } from "@studiosync/core/notifications";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { idempotencyHeader, pathId, secured } from "../http/route-params";
import { createRouter } from "../http/router";
import { AccountSessionsSchema, MeSchema, SessionSchema, UserSchema } from "../schemas/account";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Me"];

const me = createRoute({
  method: "get",
  path: "/",
  tags,
  summary: "The signed-in user and their studios with roles, and the bell's unread count",
  security: [{ bearer: [] }],
  middleware: requireActor,
  responses: { 200: jsonResponse(MeSchema, "The signed-in user"), ...problems(401) },
});

const updateProfile = createRoute({
  method: "patch",
  path: "/",
  tags,
  summary: "Change your own name and phone (any signed-in user; a phone of null removes it)",
  ...secured,
  request: { body: jsonBody(Accounts.updateProfileSchema.openapi("UpdateAccountProfile")) },
  responses: { 200: jsonResponse(UserSchema, "The account"), ...problems(400, 401, 422) },
});

const changePassword = createRoute({
  method: "post",
  path: "/password",
  tags,
  summary: "Change your password (the current one is required); signs out every other device, keeps this one",
  description:
    "Answers new tokens for this sign-in (the old refresh token stops working, like every other device's). A wrong current " +
    "password is a 422 on `currentPassword` and counts like a failed sign-in (429 past the limit). The account's address gets a notice.",
  ...secured,
  request: { body: jsonBody(Accounts.changePasswordSchema.openapi("ChangePasswordRequest")) },
  responses: { 200: jsonResponse(SessionSchema, "Changed; this sign-in's new tokens"), ...problems(400, 401, 409, 422, 429) },
});

const changeEmail = createRoute({
  method: "post",
  path: "/email",
  tags,
  summary: "Ask to change your email address (current password required); the new address gets a confirmation link",
  description:
    "Nothing changes until the link emailed to the new address is opened (POST /v1/auth/confirm-email-change); the old address " +
    "gets a notice. The same 202 whether or not the new address can be used: one that already has an account gets a notice " +
    "instead of a link. Mail to the new address is rate-limited per recipient.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("change-email")] as const,
  request: { headers: idempotencyHeader, body: jsonBody(Accounts.changeEmailSchema.openapi("ChangeEmailRequest")) },
  responses: { 202: { description: "Accepted; check the new address's inbox" }, ...problems(400, 401, 422, 429) },
});

const listSessions = createRoute({
  method: "get",
  path: "/sessions",
  tags,
  summary: "Your open sign-ins (devices), newest use first, this one marked",
  ...secured,
  responses: { 200: jsonResponse(AccountSessionsSchema, "Open sign-ins"), ...problems(401) },
});

const endSession = createRoute({
  method: "delete",
  path: "/sessions/{sessionId}",
  tags,
  summary: "Sign one of your devices out: its tokens stop working at once",
  ...secured,
  request: { params: z.object({ sessionId: pathId("sessionId") }) },
  responses: { 204: { description: "Signed out" }, ...problems(401, 404) },
});

export const meRoutes = createRouter()
  .openapi(me, async (c) => {
    const [me, unreadNotifications] = await Promise.all([Accounts.getMe(c.get("actor")), unreadNoticeCount(c.get("actor").userId)]);
    return c.json({ ...me, unreadNotifications }, 200);
  })
  .openapi(updateProfile, async (c) => c.json(await Accounts.updateProfile(c.get("actor"), c.req.valid("json")), 200))
  .openapi(changePassword, async (c) => c.json(await Accounts.changePassword(c.get("actor"), c.req.valid("json")), 200))
  .openapi(changeEmail, async (c) => {
    await Accounts.requestEmailChange(c.get("actor"), c.req.valid("json"));
    return c.body(null, 202);
  })
  .openapi(listSessions, async (c) => c.json(await Accounts.listSessions(c.get("actor")), 200))
  .openapi(endSession, async (c) => {
    await Accounts.endSession(c.get("actor"), c.req.valid("param").sessionId);
    return c.body(null, 204);
  });
