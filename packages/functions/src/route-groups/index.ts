import type { OpenAPIHono } from "@hono/zod-openapi";
import { platformRoutes } from "./platform/routes";
import { peopleRoutes } from "./people/routes";
import { accessRoutes } from "./access/routes";
import { schedulingRoutes } from "./scheduling/routes";
import { planningRoutes } from "./planning/routes";
import { teachingRoutes } from "./teaching/routes";
import { billingRoutes } from "./billing/routes";
import { payRoutes } from "./pay/routes";
import type { GroupName } from "./groups";

/** Each group's routes, as the whole app mounts them (app.ts); one entry per group of groups.ts. */
export const GROUP_ROUTES = {
  platform: platformRoutes,
  people: peopleRoutes,
  access: accessRoutes,
  scheduling: schedulingRoutes,
  planning: planningRoutes,
  teaching: teachingRoutes,
  billing: billingRoutes,
  pay: payRoutes,
} satisfies Record<GroupName, unknown>;

/** The operations of every group: what the typed client (web/) sees. */
export type ApiSchema = (typeof GROUP_ROUTES)[GroupName] extends infer R ? (R extends OpenAPIHono<any, infer S, any> ? S : never) : never;
