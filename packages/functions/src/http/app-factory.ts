import { OpenAPIHono } from "@hono/zod-openapi";
import { systemClock, type Clock } from "@studiosync/core/kernel";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import type { AuthEnv } from "./auth";
import { errorToProblem, problem } from "./problem";
import { serverTiming } from "./server-timing";
import { validationHook } from "./validation-hook";

/**
 * An app with the cross-cutting parts every API Lambda shares: ids, cost header, limits, errors,
 * and the clock routes hand to use cases that take a `now` (`c.var.clock`; the real one unless a
 * test sets it).
 */
export function createBaseApp(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? systemClock;
  const app = new OpenAPIHono<AuthEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  app.use(requestId({ headerName: "X-Request-Id" }));
  app.use(async (c, next) => {
    c.set("clock", clock);
    await next();
  });
  app.use(serverTiming);
  app.use(bodyLimit({ maxSize: 64 * 1024, onError: (c) => problem(c, 413, "payload_too_large", "The request body is larger than 64 KB") }));
  app.onError(errorToProblem);
  app.notFound((c) => problem(c, 404, "not_found", `No route ${c.req.method} ${c.req.path}`));
  return app;
}
