import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Per-request DynamoDB cost: number of calls and consumed capacity. The client middleware
 * (client.ts) records into the store of the current async context; the API reports it in the
 * Server-Timing header and the bench reads it per route.
 */
export interface DbMetrics {
  calls: number;
  rcu: number;
  wcu: number;
  operations: string[];
}

const storage = new AsyncLocalStorage<DbMetrics>();

export function withDbMetrics<T>(fn: () => Promise<T>): { metrics: DbMetrics; result: Promise<T> } {
  const metrics: DbMetrics = { calls: 0, rcu: 0, wcu: 0, operations: [] };
  return { metrics, result: storage.run(metrics, fn) };
}

export function currentDbMetrics(): DbMetrics | undefined {
  return storage.getStore();
}

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export function recordDbCall(operation: string, consumed: Capacity | Capacity[] | undefined): void {
  const metrics = storage.getStore();
  if (!metrics) return;
  metrics.calls += 1;
  metrics.operations.push(operation);
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  const isWrite = /Put|Update|Delete|Write|Transact(Write)/.test(operation);
  for (const c of list) {
    const read = c.ReadCapacityUnits ?? (isWrite ? 0 : (c.CapacityUnits ?? 0));
    const write = c.WriteCapacityUnits ?? (isWrite ? (c.CapacityUnits ?? 0) : 0);
    metrics.rcu += read;
    metrics.wcu += write;
  }
}
