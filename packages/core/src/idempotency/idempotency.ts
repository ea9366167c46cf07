import { db } from "../db";
import { AppError } from "../kernel/errors";

/** How long a key remembers its outcome. */
const KEEP_SECONDS = 24 * 60 * 60;

export type IdempotencyClaim = { kind: "new" } | { kind: "replay"; status: number; body: string };

/**
 * Claims an Idempotency-Key for one request (a conditional create). A retry with the same key and
 * the same request replays the stored outcome; a different request under the same key is refused.
 */
export async function claimIdempotencyKey(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
  const now = Math.floor(Date.now() / 1000);
  try {
    await db()
      .entities.idempotencyRecord.create({ scope, key, requestHash, status: "in_progress", expiresAt: now + KEEP_SECONDS })
      .go();
    return { kind: "new" };
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name !== "ConditionalCheckFailedException") throw error;
  }
  const { data } = await db().entities.idempotencyRecord.get({ scope, key }).go();
  if (!data || (data.expiresAt ?? 0) <= now) {
    throw new AppError("idempotency.key_expired", "This Idempotency-Key has just expired; retry with a new key");
  }
  if (data.requestHash !== requestHash) {
    throw new AppError("validation_failed", "This Idempotency-Key was already used for a different request", {
      errors: [{ path: "Idempotency-Key", message: "was used for a different request" }],
    });
  }
  if (data.status === "interrupted") {
    throw new AppError(
      "idempotency.interrupted",
      "The first request with this Idempotency-Key failed after it had started writing, so it may have been carried out; " +
        "it is not run again. Check its result, then send a new request with a new key if it is still needed",
    );
  }
  if (data.status !== "completed") throw new AppError("idempotency.in_progress", "A request with this Idempotency-Key is still in progress");
  return { kind: "replay", status: data.responseStatus ?? 200, body: data.responseBody ?? "" };
}

export async function completeIdempotencyKey(scope: string, key: string, status: number, body: string) {
  await db().entities.idempotencyRecord.patch({ scope, key }).set({ status: "completed", responseStatus: status, responseBody: body }).go();
}

/**
 * A failed attempt releases its key so the client can retry, but only when it wrote nothing: a
 * request that may have committed (then failed, e.g. after the commit) keeps its key as
 * `interrupted`, so a retry is refused (409) instead of paying, refunding or sending twice.
 */
export async function settleFailedIdempotencyKey(scope: string, key: string, maybeCommitted: boolean) {
  const record = db().entities.idempotencyRecord;
  if (maybeCommitted) await record.patch({ scope, key }).set({ status: "interrupted" }).go();
  else await record.delete({ scope, key }).go();
}
