import { AppError, isProduction, type Actor } from "@studiosync/core";
import { verifyAccessToken } from "@studiosync/core/accounts";
import { claimWithinLimit, counterKey, LIMITS } from "@studiosync/core/rate-limit";
import { isApiKeyToken, parseApiKeyToken, type Clock } from "@studiosync/core/kernel";
import { checkSession, sessionWasChecked, touchApiKey } from "@studiosync/core/policy";
import { createMiddleware } from "hono/factory";

/** `clock`: the app's time (createBaseApp), for the use cases that take a `now`. */
export type AuthEnv = { Variables: { actor: Actor; requestId: string; clock: Clock } };

function accessTokenActor(token: string): Actor {
  const claims = verifyAccessToken(token);
  return { userId: claims.sub, sessionId: claims.sid };
}

/**
 * A studio's API key as the actor: the key itself (not revoked, not expired, its secret, its studio
 * and scopes for this request) is checked by the use case's first read, like a sign-in. Each key
 * gets LIMITS.apiKeyRequests a minute (429 past it).
 */
async function apiKeyActor(token: string, method: string, path: string): Promise<Actor> {
  const parsed = parseApiKeyToken(token);
  if (!parsed) throw new AppError("unauthenticated", "The API key is malformed");
  await claimWithinLimit(counterKey(LIMITS.apiKeyRequests, parsed.keyId), "Too many requests with this API key. Please slow down.");
  return { userId: `apikey:${parsed.keyId}`, sessionId: parsed.keyId, apiKey: { secretHash: parsed.secretHash, method, path } };
}

/**
 * Requires `Authorization: Bearer <access token or API key>` and puts the actor on the context. Whether the
 * sign-in is still open is checked by the use case's first read (policy/session-check.ts), at no
 * extra DynamoDB call; a route that answers without that check is a bug: the tests fail on it,
 * and in production the check runs here instead (one extra read).
 */
export const requireActor = createMiddleware<AuthEnv>(async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError("unauthenticated", "Sign in first: send an access token as 'Authorization: Bearer <token>'");
  const actor = isApiKeyToken(match[1]) ? await apiKeyActor(match[1], c.req.method, c.req.path) : accessTokenActor(match[1]);
  c.set("actor", actor);
  await next();
  if (actor.apiKey) await touchApiKey(actor);
  if (c.res.status >= 400 || sessionWasChecked(actor)) return;
  if (!isProduction()) throw new Error(`${c.req.method} ${c.req.routePath} answered without checking the sign-in`);
  console.error(JSON.stringify({ level: "error", message: "Route answered without checking the sign-in", route: c.req.routePath }));
  await checkSession(actor);
});
