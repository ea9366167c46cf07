import { AppError, isProduction, type Actor } from "@studiosync/core";
import { verifyAccessToken } from "@studiosync/core/accounts";
import type { Clock } from "@studiosync/core/kernel";
import { checkSession, sessionWasChecked } from "@studiosync/core/policy";
import { createMiddleware } from "hono/factory";

/** `clock`: the app's time (createBaseApp), for the use cases that take a `now`. */
export type AuthEnv = { Variables: { actor: Actor; requestId: string; clock: Clock } };

/**
 * Requires `Authorization: Bearer <access token>` and puts the actor on the context. Whether the
 * sign-in is still open is checked by the use case's first read (policy/session-check.ts), at no
 * extra DynamoDB call; a route that answers without that check is a bug: the tests fail on it,
 * and in production the check runs here instead (one extra read).
 */
export const requireActor = createMiddleware<AuthEnv>(async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError("unauthenticated", "Sign in first: send an access token as 'Authorization: Bearer <token>'");
  const claims = verifyAccessToken(match[1]);
  const actor: Actor = { userId: claims.sub, sessionId: claims.sid };
  c.set("actor", actor);
  await next();
  if (c.res.status >= 400 || sessionWasChecked(actor)) return;
  if (!isProduction()) throw new Error(`${c.req.method} ${c.req.routePath} answered without checking the sign-in`);
  console.error(JSON.stringify({ level: "error", message: "Route answered without checking the sign-in", route: c.req.routePath }));
  await checkSession(actor);
});
