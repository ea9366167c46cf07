import { api, type World } from "@studiosync/functions/testing";
import { MATRIX_ROWS, matrixSample } from "./matrix-samples";
import { parseServerTiming } from "./measure";
import { ACCOUNT_SAMPLES, type Sample } from "./operation-samples";
import { callBudget } from "./operations";

/** What one call of an operation cost (DynamoDB calls, RCU, WCU from Server-Timing). */
export interface OperationCost {
  operation: string;
  /** Where the request came from: the permission matrix, an account sample or a hand-written scenario. */
  via: "matrix" | "account" | "scenario";
  status: number;
  calls: number;
  rcu: number;
  wcu: number;
  budget: number;
  overBudget: boolean;
}

export const costOf = (operation: string, via: OperationCost["via"], status: number, cost: { calls: number; rcu: number; wcu: number }): OperationCost => ({
  operation,
  via,
  status,
  ...cost,
  budget: callBudget(operation),
  overBudget: cost.calls > callBudget(operation),
});

/** Each operation once: the sample that made the most DynamoDB calls (a scenario with a large studio, say). */
export function costliest(costs: OperationCost[]): OperationCost[] {
  const worst = new Map<string, OperationCost>();
  for (const cost of costs) if (!worst.has(cost.operation) || cost.calls > worst.get(cost.operation)!.calls) worst.set(cost.operation, cost);
  return [...worst.values()].sort((a, b) => a.operation.localeCompare(b.operation));
}

/**
 * Calls each of `operations` the matrix rows or the account samples know once, in the matrix's
 * order, and reads its cost. A call that is not answered 2xx is reported with its status.
 */
export async function sampleOperations(world: World, operations: readonly string[]): Promise<OperationCost[]> {
  const wanted = new Set(operations);
  const sources: Array<[string, OperationCost["via"], () => Promise<Sample>]> = [
    ...Object.entries(MATRIX_ROWS).map(([op, row]): [string, OperationCost["via"], () => Promise<Sample>] => [op, "matrix", () => matrixSample(world, row)]),
    ...Object.entries(ACCOUNT_SAMPLES).map(([op, sample]): [string, OperationCost["via"], () => Promise<Sample>] => [op, "account", async () => sample(world)]),
  ];
  const costs: OperationCost[] = [];
  for (const [operation, via, sample] of sources.filter(([op]) => wanted.has(op))) {
    const { path, token, body } = await sample();
    const res = await api(operation.split(" ")[0]!, path, { token, body });
    const cost = parseServerTiming(res.headers.get("server-timing"));
    if (!cost) throw new Error(`${operation}: no ddb Server-Timing header (answered ${res.status})`);
    costs.push(costOf(operation, via, res.status, cost));
  }
  return costs;
}
