import { createRoute, z } from "@hono/zod-openapi";
import { Accounts } from "@studiosync/core";
import { clientIp } from "../http/client-ip";
import { idempotencyRequest, idempotent } from "../http/idempotency";
import { createRouter } from "../http/router";
import { EmailChangedSchema, SessionSchema, SignUpAcceptedSchema } from "../schemas/account";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Auth"];
const accepted = { description: "Accepted. The same answer whether or not the email has an account." };

const signup = createRoute({
  method: "post",
  path: "/signup",
  tags,
  summary: "Create an account and its studio; sends a verification email",
  description:
    "Answers 202 the same way whether or not the email already has an account: a new address gets its account, " +
    "studio and a verification email; an existing one gets an email saying someone tried to sign up (sign in or reset). " +
    "Rate-limited per address (emails) and per IP (429).",
  request: {
    headers: z.object({ "Idempotency-Key": z.string().optional() }),
    body: jsonBody(Accounts.signUpSchema.openapi("SignUpRequest")),
  },
  middleware: idempotent("signup"),
  responses: { 202: jsonResponse(SignUpAcceptedSchema, "Accepted; check the inbox, confirm the email, then sign in"), ...problems(400, 409, 422, 429) },
});

const login = createRoute({
  method: "post",
  path: "/login",
  tags,
  summary: "Sign in with email and password",
  request: { body: jsonBody(Accounts.loginSchema.openapi("LoginRequest")) },
  responses: { 200: jsonResponse(SessionSchema, "Signed in"), ...problems(400, 401, 403, 422, 429) },
});

const refresh = createRoute({
  method: "post",
  path: "/refresh",
  tags,
  summary: "Exchange a refresh token for new tokens (the old one is used up)",
  request: { body: jsonBody(Accounts.refreshSchema.openapi("RefreshRequest")) },
  responses: { 200: jsonResponse(SessionSchema, "New tokens"), ...problems(400, 401, 422) },
});

const logout = createRoute({
  method: "post",
  path: "/logout",
  tags,
  summary: "End the sign-in the refresh token belongs to",
  request: { body: jsonBody(Accounts.refreshSchema) },
  responses: { 204: { description: "Signed out" }, ...problems(400, 422) },
});

const verifyEmail = createRoute({
  method: "post",
  path: "/verify-email",
  tags,
  summary: "Confirm an email address with the token from the emailed link",
  request: { body: jsonBody(Accounts.tokenSchema.openapi("TokenRequest")) },
  responses: {
    200: jsonResponse(z.object({ emailVerified: z.literal(true) }), "Email confirmed"),
    ...problems(400, 422),
  },
});

const resendVerification = createRoute({
  method: "post",
  path: "/resend-verification",
  tags,
  summary: "Email a new verification link",
  request: {
    headers: z.object({ "Idempotency-Key": z.string().optional() }),
    body: jsonBody(Accounts.emailOnlySchema.openapi("EmailRequest")),
  },
  responses: { 202: accepted, ...problems(400, 422, 429) },
});

const forgotPassword = createRoute({
  method: "post",
  path: "/forgot-password",
  tags,
  summary: "Email a password reset link",
  request: { headers: z.object({ "Idempotency-Key": z.string().optional() }), body: jsonBody(Accounts.emailOnlySchema) },
  responses: { 202: accepted, ...problems(400, 422, 429) },
});

const resetPassword = createRoute({
  method: "post",
  path: "/reset-password",
  tags,
  summary: "Set a new password with the token from the emailed link; ends every sign-in",
  request: { body: jsonBody(Accounts.resetPasswordSchema.openapi("ResetPasswordRequest")) },
  responses: { 204: { description: "Password changed" }, ...problems(400, 422) },
});

const confirmEmailChange = createRoute({
  method: "post",
  path: "/confirm-email-change",
  tags,
  summary: "Move an account to its new email address with the token from the emailed link; ends every sign-in",
  request: { body: jsonBody(Accounts.tokenSchema) },
  responses: { 200: jsonResponse(EmailChangedSchema, "The account's new address"), ...problems(400, 409, 422) },
});

const checkResetLink = createRoute({
  method: "post",
  path: "/reset-password/check",
  tags,
  summary: "Say whether a password reset link can still be used, without using it",
  description:
    "For the reset page, before it shows its form: `usable`, or why not — `used` (already used), `expired`, " +
    "`outdated` (the password changed after the link was sent) or `invalid` (not a reset link). Changes nothing.",
  request: { body: jsonBody(Accounts.tokenSchema) },
  responses: {
    200: jsonResponse(z.object({ state: z.enum(["usable", "used", "expired", "outdated", "invalid"]) }).openapi("ResetLinkState"), "The link's state"),
    ...problems(400, 422),
  },
});

export const authRoutes = createRouter()
  .openapi(signup, async (c) => c.json(await Accounts.signUp(c.req.valid("json"), { ip: clientIp(c) }), 202))
  .openapi(login, async (c) =>
    c.json(await Accounts.logIn(c.req.valid("json"), { ip: clientIp(c), userAgent: c.req.header("User-Agent") }, c.var.clock().getTime()), 200),
  )
  .openapi(refresh, async (c) => c.json(await Accounts.refreshSession(c.req.valid("json").refreshToken), 200))
  .openapi(logout, async (c) => {
    await Accounts.logOut(c.req.valid("json").refreshToken);
    return c.body(null, 204);
  })
  .openapi(verifyEmail, async (c) => c.json(await Accounts.verifyEmail(c.req.valid("json").token), 200))
  .openapi(resendVerification, async (c) => {
    const idempotency = await idempotencyRequest(c, "resend-verification");
    await Accounts.requestEmailLink("verify_email", c.req.valid("json").email, { ip: clientIp(c), idempotency });
    return c.body(null, 202);
  })
  .openapi(forgotPassword, async (c) => {
    const idempotency = await idempotencyRequest(c, "forgot-password");
    await Accounts.requestEmailLink("reset_password", c.req.valid("json").email, { ip: clientIp(c), idempotency });
    return c.body(null, 202);
  })
  .openapi(confirmEmailChange, async (c) => c.json(await Accounts.confirmEmailChange(c.req.valid("json").token), 200))
  .openapi(checkResetLink, async (c) => c.json(await Accounts.checkResetLink(c.req.valid("json").token), 200))
  .openapi(resetPassword, async (c) => {
    const { token, password } = c.req.valid("json");
    await Accounts.resetPassword(token, password);
    return c.body(null, 204);
  });
