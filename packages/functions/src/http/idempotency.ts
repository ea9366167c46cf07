import { createHash } from "node:crypto";
import { AppError, Idempotency } from "@studiosync/core";
import type { Context } from "hono";
import { checkSession, loadStudioMember } from "@studiosync/core/policy";
import { createMiddleware } from "hono/factory";
import type { AuthEnv } from "./auth";

/**
 * Where a key's outcome is kept: the operation, the studio in the path and the caller. A key is
 * the caller's own: another caller sending the same key (even with the same request, to another
 * studio's path) starts a record of their own, so they can neither read the first caller's
 * response nor pre-claim the key and have the first caller's real request skipped. An anonymous
 * caller proves nothing, so their record is also bound to the exact request (its hash): only the
 * identical request, whose effect already happened, can meet its stored outcome.
 */
function recordScope(c: Context<AuthEnv>, operation: string, requestHash: string): string {
  const studioId = c.req.param("studioId") ?? "-";
  const userId = c.get("actor")?.userId;
  return `${operation}|studio:${studioId}|${userId ? `user:${userId}` : `anonymous:${requestHash}`}`;
}

/**
 * A stored outcome is replayed only to a caller who may still see it: their sign-in is open and,
 * under a studio's path, they are still a member there (a removed member gets 404 like any other
 * request to that studio). The replay is the only read this costs; a fresh request pays nothing.
 */
async function mayStillSee(c: Context<AuthEnv>): Promise<void> {
  const actor = c.get("actor");
  if (!actor) return;
  const studioId = c.req.param("studioId");
  if (studioId) await loadStudioMember(actor, studioId);
  else await checkSession(actor);
}

/** The request's `Idempotency-Key`, if it sent one, with a hash of what it asked for. */
export async function idempotencyRequest(c: Context<AuthEnv>, operation: string): Promise<Idempotency.IdempotencyRequest | undefined> {
  const key = c.req.header("Idempotency-Key");
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError("validation_failed", "The Idempotency-Key header is invalid", {
      errors: [{ path: "Idempotency-Key", message: "must be 1–255 visible ASCII characters" }],
    });
  }
  const requestHash = createHash("sha256")
    .update(`${c.req.method} ${c.req.path}\n${await c.req.text()}`)
    .digest("base64url");
  return { scope: recordScope(c, operation, requestHash), key, requestHash };
}

/**
 * `Idempotency-Key` for POSTs that send mail or move money: a retry with the same key replays the
 * first response (with `Idempotent-Replayed: true`) instead of doing the work twice. Runs after
 * `requireActor`, so the record is the authenticated caller's. A failed request releases its key
 * only when it wrote nothing; one that may have committed keeps it, and a retry gets a 409 instead
 * of a second execution. Routes whose answer is known up front record the key inside their own
 * transaction instead (cheaper).
 */
export const idempotent = (operation: string) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    const request = await idempotencyRequest(c, operation);
    if (!request) return next();
    const claim = await Idempotency.claimIdempotencyKey(request.scope, request.key, request.requestHash);
    if (claim.kind === "replay") {
      await mayStillSee(c);
      return new Response(claim.body || null, {
        status: claim.status,
        headers: {
          "Content-Type": claim.status >= 400 ? "application/problem+json" : "application/json",
          "Idempotent-Replayed": "true",
        },
      });
    }
    const { watch, result } = Idempotency.watchWrites(() => next());
    await result;
    if (c.res.status === 429) await Idempotency.settleFailedIdempotencyKey(request.scope, request.key, false);
    else if (c.res.status >= 500) await Idempotency.settleFailedIdempotencyKey(request.scope, request.key, watch.maybeWrote);
    else await Idempotency.completeIdempotencyKey(request.scope, request.key, c.res.status, await c.res.clone().text());
  });
