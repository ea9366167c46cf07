import { createHash } from "node:crypto";
import { AppError, Idempotency } from "@studiosync/core";
import { createMiddleware } from "hono/factory";

/**
 * `Idempotency-Key` for POSTs that send mail or move money: a retry with the same key replays the
 * first response (with `Idempotent-Replayed: true`) instead of doing the work twice.
 */
export const idempotent = (scope: string) =>
  createMiddleware(async (c, next) => {
    const key = c.req.header("Idempotency-Key");
    if (key === undefined) return next();
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new AppError("validation_failed", "The Idempotency-Key header is invalid", {
        errors: [{ path: "Idempotency-Key", message: "must be 1–255 visible ASCII characters" }],
      });
    }
    const requestHash = createHash("sha256").update(`${c.req.method} ${c.req.path}\n${await c.req.text()}`).digest("base64url");
    const claim = await Idempotency.claimIdempotencyKey(scope, key, requestHash);
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
    if (c.res.status >= 500 || c.res.status === 429) await Idempotency.releaseIdempotencyKey(scope, key);
    else await Idempotency.completeIdempotencyKey(scope, key, c.res.status, await c.res.clone().text());
  });
