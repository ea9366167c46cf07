import { isProduction, withDbMetrics } from "@studiosync/core";
import { createMiddleware } from "hono/factory";

/**
 * Outside production every response says what it cost in DynamoDB, e.g.
 * `Server-Timing: ddb;desc="calls=2 rcu=1.5 wcu=0", app;dur=12.3`.
 */
export const serverTiming = createMiddleware(async (c, next) => {
  const started = performance.now();
  const { metrics, result } = withDbMetrics(() => next());
  await result;
  if (isProduction()) return;
  const round = (n: number) => Math.round(n * 100) / 100;
  c.res.headers.append(
    "Server-Timing",
    `ddb;desc="calls=${metrics.calls} rcu=${round(metrics.rcu)} wcu=${round(metrics.wcu)}", app;dur=${round(performance.now() - started)}`,
  );
});
