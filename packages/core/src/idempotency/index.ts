export { claimIdempotencyKey, completeIdempotencyKey, settleFailedIdempotencyKey, type IdempotencyClaim } from "./idempotency";
export { idempotencyRecordRead, isReplay, recordIdempotentOutcome, type IdempotencyRequest } from "./in-transaction";
export { watchWrites } from "../kernel/db/write-watch";
