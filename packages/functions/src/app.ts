import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Clock } from "@studiosync/core/kernel";
import { OPENAPI_CONFIG } from "./docs/openapi-info";
import { createBaseApp } from "./http/app-factory";
import type { AuthEnv } from "./http/auth";
import { MODULE_ROUTES, type ApiSchema, type EventsSchema, type HostingSchema, type MessagingSchema, type OperatorsSchema } from "./modules";
import { renderReferencePage } from "./routes/reference-page";

/**
 * The whole API in one app, with its live OpenAPI document: what `npm start`, the tests, the bench
 * and the typed client in web/ use. On AWS each API module runs as its own Lambda
 * (lambdas/routing.ts). Tests may set its clock (createBaseApp).
 */
export function createApp(options: { clock?: Clock } = {}) {
  const app = createBaseApp(options);
  for (const routes of Object.values(MODULE_ROUTES)) app.route("/", routes);
  app.doc31("/v1/openapi.json", OPENAPI_CONFIG);
  app.get("/v1/reference", (c) => c.html(renderReferencePage(app.getOpenAPI31Document(OPENAPI_CONFIG) as never)));
  app.get("/", (c) => c.redirect("/v1/reference"));
  return app as unknown as OpenAPIHono<AuthEnv, ApiSchema, "/">;
}

export type AppType = ReturnType<typeof createApp>;

/** The conversations' operations, for their own typed client (modules/index.ts: SeparateClientModule). */
export type MessagingAppType = OpenAPIHono<AuthEnv, MessagingSchema, "/">;

/** The events' operations, for their own typed client. */
export type EventsAppType = OpenAPIHono<AuthEnv, EventsSchema, "/">;

/** The hosting module's operations (usage), for their own typed client. */
export type HostingAppType = OpenAPIHono<AuthEnv, HostingSchema, "/">;

/** The platform operators' console, for its own typed client. */
export type OperatorsAppType = OpenAPIHono<AuthEnv, OperatorsSchema, "/">;
