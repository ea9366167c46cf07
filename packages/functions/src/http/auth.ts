import { AppError, type Actor } from "@studiosync/core";
import { verifyAccessToken } from "@studiosync/core/accounts/access-token";
import { createMiddleware } from "hono/factory";

export type AuthEnv = { Variables: { actor: Actor; requestId: string } };

/** Requires `Authorization: Bearer <access token>` and puts the actor on the context. */
export const requireActor = createMiddleware<AuthEnv>(async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError("unauthenticated", "Sign in first: send an access token as 'Authorization: Bearer <token>'");
  const claims = verifyAccessToken(match[1]);
  c.set("actor", { userId: claims.sub, sessionId: claims.sid });
  await next();
});
