import { itemOf, type ItemRead } from "../kernel/db/read-together";
import { db, type WriteTx } from "../db";
import { AppError } from "../kernel/errors";

/** An Idempotency-Key as a use case sees it: which operation, the key, and what was asked. */
export interface IdempotencyRequest {
  scope: string;
  key: string;
  requestHash: string;
}

const KEEP_SECONDS = 24 * 60 * 60;

/**
 * For operations whose answer is known before they run (e.g. "202, email on its way"), the key is
 * read with the operation's other reads and recorded in its write transaction: two calls, atomic.
 */
export const idempotencyRecordRead = (request: IdempotencyRequest): ItemRead<{ requestHash: string; expiresAt?: number }> =>
  itemOf(db().entities.idempotencyRecord, { scope: request.scope, key: request.key });

/** True when this request was already done under its key; refuses the key for a different request. */
export function isReplay(request: IdempotencyRequest, record: { requestHash: string; expiresAt?: number } | null): boolean {
  if (!record || (record.expiresAt ?? 0) <= Date.now() / 1000) return false;
  if (record.requestHash !== request.requestHash) {
    throw new AppError("validation_failed", "This Idempotency-Key was already used for a different request", {
      errors: [{ path: "Idempotency-Key", message: "was used for a different request" }],
    });
  }
  return true;
}

/** The transaction item recording the outcome; it fails if a concurrent duplicate got there first. */
export const recordIdempotentOutcome = (tx: Pick<WriteTx, "idempotencyRecord">, request: IdempotencyRequest, status: number) =>
  tx.idempotencyRecord
    .create({
      ...request,
      status: "completed",
      responseStatus: status,
      responseBody: "",
      expiresAt: Math.floor(Date.now() / 1000) + KEEP_SECONDS,
    })
    .commit();
