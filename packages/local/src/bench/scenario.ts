import type { BenchRequest, Fixtures } from "./fixtures";

/**
 * One benchmarked route. Only `request` is timed: `setup` runs once per scenario, `prepare`
 * before each iteration (fresh users, tokens), `after` after each (e.g. keep the rotated refresh
 * token). `S` is the scenario's shared state, `P` what `prepare` made for one iteration.
 */
export interface Scenario<S = unknown, P = unknown> {
  /** Shown in the table, e.g. "POST /v1/auth/signup". */
  name: string;
  expectStatus: number;
  setup?: (fixtures: Fixtures, iterations: number) => Promise<S>;
  prepare?: (fixtures: Fixtures, shared: S, iteration: number) => Promise<P>;
  request: (shared: S, prepared: P, iteration: number) => BenchRequest;
  after?: (body: unknown, shared: S, prepared: P) => void;
}

// The list is heterogeneous; each entry is checked against its own S and P when defined.
export type AnyScenario = Scenario<any, any>;

export const defineScenario = <S = undefined, P = undefined>(scenario: Scenario<S, P>): AnyScenario => scenario;
