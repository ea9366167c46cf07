import { ACCOUNT_SAMPLES, NOT_SAMPLED } from "./operation-samples";
import { MATRIX_ROWS } from "./matrix-samples";
import { operationOf } from "./operations";
import { scenarios } from "./scenarios";

export interface Coverage {
  /** Operations neither sampled nor listed in NOT_SAMPLED. */
  uncovered: string[];
  /** Entries (rows, samples, scenarios, NOT_SAMPLED) that name no operation of the API. */
  stale: string[];
}

/** Whether the bench samples every operation of `operations` (or says why not), and nothing else. */
export function operationCoverage(operations: readonly string[]): Coverage {
  const keyed = [...Object.keys(MATRIX_ROWS), ...Object.keys(ACCOUNT_SAMPLES), ...Object.keys(NOT_SAMPLED)];
  const byScenario = scenarios.map((s) => ({ name: s.name, operation: operationOf(operations, s.name) }));
  const covered = new Set([...keyed, ...byScenario.flatMap((s) => (s.operation ? [s.operation] : []))]);
  return {
    uncovered: operations.filter((op) => !covered.has(op)),
    stale: [...keyed.filter((op) => !operations.includes(op)), ...byScenario.filter((s) => !s.operation).map((s) => s.name)],
  };
}

/** Throws, naming them, when operations are neither sampled nor listed (or entries are stale). */
export function assertEveryOperationCosted(operations: readonly string[]): void {
  const { uncovered, stale } = operationCoverage(operations);
  if (uncovered.length || stale.length) {
    throw new Error(
      "The bench must sample every operation of the API or say why not (bench/operation-samples.ts NOT_SAMPLED):\n" +
        [...uncovered.map((op) => `  not sampled: ${op}`), ...stale.map((op) => `  stale: ${op}`)].join("\n"),
    );
  }
}
