export { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type IdempotencyClaim } from "./idempotency";
export { idempotencyRecordRead, isReplay, recordIdempotentOutcome, type IdempotencyRequest } from "./in-transaction";
