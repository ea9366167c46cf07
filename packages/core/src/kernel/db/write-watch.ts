import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Whether the work running in an async context may have changed the table: set by the DynamoDB
 * client (client.ts) on every write that succeeded, or that failed without a definite refusal
 * (a network error or a 5xx from DynamoDB may still have been applied). The idempotency middleware
 * reads it to tell a request that failed before it wrote anything from one that committed.
 */
export interface WriteWatch {
  maybeWrote: boolean;
}

const storage = new AsyncLocalStorage<WriteWatch>();

const WRITE_OPERATION = /Put|Update|Delete|BatchWrite|TransactWrite/;

/** Runs `fn` with a fresh watch; the watch says afterwards whether it may have written. */
export function watchWrites<T>(fn: () => Promise<T>): { watch: WriteWatch; result: Promise<T> } {
  const watch: WriteWatch = { maybeWrote: false };
  return { watch, result: storage.run(watch, fn) };
}

/** Called by the client for every call: `error` is what the call threw, if it threw. */
export function noteDbCall(operation: string, error?: unknown): void {
  const watch = storage.getStore();
  if (!watch || !WRITE_OPERATION.test(operation)) return;
  if (error === undefined) {
    watch.maybeWrote = true;
    return;
  }
  // A 4xx (condition failed, transaction cancelled, validation, throttling) is a refusal: nothing was written.
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status === undefined || status >= 500) watch.maybeWrote = true;
}
