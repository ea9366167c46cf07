import { serviceUnavailable } from "../errors/engine-unavailable";

const TRANSIENT_CANCEL_CODES = new Set(["ThrottlingError", "ProvisionedThroughputExceeded", "TransactionConflict"]);

interface WriteOutcome {
  canceled: boolean;
  data: ReadonlyArray<{ rejected: boolean; code: string }>;
}

/**
 * ElectroDB reports a cancelled transaction as `canceled: true` instead of throwing. This turns
 * the first rejected condition into the caller's error (by position), a conflict with a concurrent
 * transaction into `raced` when given, and anything else into a plain failure that becomes a 500
 * (a 503 when cancelled for load or a concurrent transaction).
 */
export function assertCommitted(outcome: WriteOutcome, onRejected: (index: number) => Error | undefined, raced?: () => Error): void {
  if (!outcome.canceled) return;
  outcome.data.forEach((item, index) => {
    if (item.rejected && item.code === "ConditionalCheckFailed") {
      const error = onRejected(index);
      if (error) throw error;
    }
  });
  if (raced && outcome.data.some((item) => item.code === "TransactionConflict")) throw raced();
  const codes = outcome.data.map((item) => item.code).join(",");
  // Cancelled for load or a concurrent transaction, not for this request's data: retry later (503).
  if (outcome.data.some((item) => TRANSIENT_CANCEL_CODES.has(item.code))) throw serviceUnavailable();
  throw new Error(`Transaction cancelled (${codes})`);
}

/** Index of the first rejected item of a cancelled transaction, or -1. */
export const firstRejected = (outcome: WriteOutcome) => outcome.data.findIndex((item) => item.rejected && item.code === "ConditionalCheckFailed");
