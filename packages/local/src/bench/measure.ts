/** DynamoDB cost of one request as the API reports it: `Server-Timing: ddb;desc="calls=2 rcu=1.5 wcu=0"`. */
export interface DbCost {
  calls: number;
  rcu: number;
  wcu: number;
}

export function parseServerTiming(header: string | null): DbCost | undefined {
  if (!header) return undefined;
  const ddb = header
    .split(",")
    .map((metric) => metric.trim())
    .find((metric) => metric === "ddb" || metric.startsWith("ddb;"));
  const desc = ddb && /desc="?([^";]*)"?/.exec(ddb)?.[1];
  if (!desc) return undefined;
  const values = Object.fromEntries(
    desc.split(/\s+/).map((pair) => {
      const [key, value] = pair.split("=");
      return [key, Number(value)];
    }),
  );
  return { calls: values.calls ?? 0, rcu: values.rcu ?? 0, wcu: values.wcu ?? 0 };
}

export function percentile(sortedAscending: number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const index = Math.min(sortedAscending.length - 1, Math.ceil((p / 100) * sortedAscending.length) - 1);
  return sortedAscending[Math.max(0, index)]!;
}

export const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / (values.length || 1);

export const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
