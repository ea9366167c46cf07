import { type BenchRequest, Fixtures } from "./fixtures";
import { mean, parseServerTiming, percentile, round } from "./measure";
import type { AnyScenario } from "./scenario";

export interface RouteResult {
  route: string;
  requests: number;
  /** The most DynamoDB calls any one request made. */
  callsPerRequestMax: number;
  rcuPerRequestMean: number;
  wcuPerRequestMean: number;
  p50Ms: number;
  p95Ms: number;
}

type Fetcher = (path: string, init: RequestInit) => Response | Promise<Response>;

/** Runs one scenario `iterations` times against the in-process app; times only the request itself. */
export async function runScenario(fetcher: Fetcher, fixtures: Fixtures, scenario: AnyScenario, iterations: number) {
  const shared = await scenario.setup?.(fixtures, iterations);
  const latencies: number[] = [];
  const costs: Array<{ calls: number; rcu: number; wcu: number }> = [];
  for (let i = 0; i < iterations; i++) {
    const prepared = await scenario.prepare?.(fixtures, shared, i);
    const { path, init } = toFetch(scenario.request(shared, prepared, i));
    const started = performance.now();
    const response = await fetcher(path, init);
    const text = await response.text();
    latencies.push(performance.now() - started);
    if (response.status !== scenario.expectStatus) {
      throw new Error(`${scenario.name}: iteration ${i} answered ${response.status}, expected ${scenario.expectStatus}: ${text}`);
    }
    const cost = parseServerTiming(response.headers.get("server-timing"));
    if (!cost) throw new Error(`${scenario.name}: no ddb Server-Timing header (is STAGE=production?)`);
    costs.push(cost);
    scenario.after?.(text ? JSON.parse(text) : undefined, shared, prepared);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    route: scenario.name,
    requests: iterations,
    callsPerRequestMax: Math.max(...costs.map((c) => c.calls)),
    rcuPerRequestMean: round(mean(costs.map((c) => c.rcu))),
    wcuPerRequestMean: round(mean(costs.map((c) => c.wcu))),
    p50Ms: round(percentile(sorted, 50), 1),
    p95Ms: round(percentile(sorted, 95), 1),
  } satisfies RouteResult;
}

export function toFetch({ method = "GET", path, body, token, headers: extra }: BenchRequest): { path: string; init: RequestInit } {
  const headers: Record<string, string> = { ...extra };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  return { path, init: { method, headers, body: body === undefined ? undefined : JSON.stringify(body) } };
}
