import type { OpenAPIHono } from "@hono/zod-openapi";
import { platformRoutes } from "./platform/routes";
import { peopleRoutes } from "./people/routes";
import { accessRoutes } from "./access/routes";
import { schedulingRoutes } from "./scheduling/routes";
import { planningRoutes } from "./planning/routes";
import { teachingRoutes } from "./teaching/routes";
import { billingRoutes } from "./billing/routes";
import { payRoutes } from "./pay/routes";
import type { ModuleName } from "./modules";

/** Each module's routes, as the whole app mounts them (app.ts); one entry per module of modules.ts. */
export const MODULE_ROUTES = {
  platform: platformRoutes,
  people: peopleRoutes,
  access: accessRoutes,
  scheduling: schedulingRoutes,
  planning: planningRoutes,
  teaching: teachingRoutes,
  billing: billingRoutes,
  pay: payRoutes,
} satisfies Record<ModuleName, unknown>;

/** The operations of every module: what the typed client (web/) sees. */
export type ApiSchema = (typeof MODULE_ROUTES)[ModuleName] extends infer R ? (R extends OpenAPIHono<any, infer S, any> ? S : never) : never;
