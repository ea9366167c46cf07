import { serviceUnavailable } from "../errors/engine-unavailable";

const TRANSIENT_CANCEL_CODES = new Set(["ThrottlingError", "ProvisionedThroughputExceeded", "TransactionConflict"]);

interface WriteOutcome {
  canceled: boolean;
  data: ReadonlyArray<{ rejected: boolean; code: string }>;
}

/**
 * ElectroDB reports a cancelled transaction as `canceled: true` instead of throwing. This turns
 * the first rejected condition into the caller's error (by position), a conflict with a concurrent
 * transaction into `raced` when given, any other cancellation into `cancelled` when given, and
 * else into a plain failure that becomes a 500 (a 503 when cancelled for load or a concurrent
 * transaction). For the kernel's transaction builder (commit-writes.ts); use cases use that.
 */
export function assertCommitted(
  outcome: WriteOutcome,
  onRejected: (index: number) => Error | undefined,
  options: { raced?: () => Error; cancelled?: () => Error } = {},
): void {
  if (!outcome.canceled) return;
  outcome.data.forEach((item, index) => {
    if (item.rejected && item.code === "ConditionalCheckFailed") {
      const error = onRejected(index);
      if (error) throw error;
    }
  });
  if (options.raced && outcome.data.some((item) => item.code === "TransactionConflict")) throw options.raced();
  if (options.cancelled) throw options.cancelled();
  const codes = outcome.data.map((item) => item.code).join(",");
  // Cancelled for load or a concurrent transaction, not for this request's data: retry later (503).
  if (outcome.data.some((item) => TRANSIENT_CANCEL_CODES.has(item.code))) throw serviceUnavailable();
  throw new Error(`Transaction cancelled (${codes})`);
}
