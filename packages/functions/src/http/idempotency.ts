import { createHash } from "node:crypto";
import { AppError, Idempotency } from "@studiosync/core";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";

/** The request's `Idempotency-Key`, if it sent one, with a hash of what it asked for. */
export async function idempotencyRequest(c: Context, scope: string): Promise<Idempotency.IdempotencyRequest | undefined> {
  const key = c.req.header("Idempotency-Key");
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError("validation_failed", "The Idempotency-Key header is invalid", {
      errors: [{ path: "Idempotency-Key", message: "must be 1–255 visible ASCII characters" }],
    });
  }
  const requestHash = createHash("sha256").update(`${c.req.method} ${c.req.path}\n${await c.req.text()}`).digest("base64url");
  return { scope, key, requestHash };
}

/**
 * `Idempotency-Key` for POSTs that send mail or move money: a retry with the same key replays the
 * first response (with `Idempotent-Replayed: true`) instead of doing the work twice. Routes whose
 * answer is known up front record the key inside their own transaction instead (cheaper).
 */
export const idempotent = (scope: string) =>
  createMiddleware(async (c, next) => {
    const request = await idempotencyRequest(c, scope);
    if (!request) return next();
    const claim = await Idempotency.claimIdempotencyKey(request.scope, request.key, request.requestHash);
    if (claim.kind === "replay") {
      return new Response(claim.body || null, {
        status: claim.status,
        headers: {
          "Content-Type": claim.status >= 400 ? "application/problem+json" : "application/json",
          "Idempotent-Replayed": "true",
        },
      });
    }
    await next();
    if (c.res.status >= 500 || c.res.status === 429) await Idempotency.releaseIdempotencyKey(request.scope, request.key);
    else await Idempotency.completeIdempotencyKey(request.scope, request.key, c.res.status, await c.res.clone().text());
  });
