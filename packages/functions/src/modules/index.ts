import type { OpenAPIHono } from "@hono/zod-openapi";
import { platformRoutes } from "./platform/routes";
import { peopleRoutes } from "./people/routes";
import { accessRoutes } from "./access/routes";
import { privacyModuleRoutes } from "./privacy/routes";
import { schedulingRoutes } from "./scheduling/routes";
import { cancellationsRoutes } from "./cancellations/routes";
import { lessonLinksRoutes } from "./lesson-links/routes";
import { availabilityModuleRoutes } from "./availability/routes";
import { homeRoutes } from "./home/routes";
import { planningRoutes } from "./planning/routes";
import { closuresRoutes } from "./closures/routes";
import { teachingRoutes } from "./teaching/routes";
import { billingRoutes } from "./billing/routes";
import { invoicesRoutes } from "./invoices/routes";
import { paymentsRoutes } from "./payments/routes";
import { billingRunsRoutes } from "./billing-runs/routes";
import { payRoutes } from "./pay/routes";
import { lendingRoutes } from "./lending/routes";
import { classesRoutes } from "./classes/routes";
import { coursesRoutes } from "./courses/routes";
import { resourcesRoutes } from "./resources/routes";
import { roomsRoutes } from "./rooms/routes";
import { growthRoutes } from "./growth/routes";
import { pageSettingsRoutes } from "./page-settings/routes";
import { leadsRoutes } from "./leads/routes";
import { messagingRoutes } from "./messaging/routes";
import { announcementsRoutes } from "./announcements/routes";
import type { eventsRoutes } from "./events/routes";
import { hostingRoutes } from "./hosting/routes";
import { operatorsRoutes } from "./operators/routes";
import { noticesRoutes, type myNoticesRoutes } from "./notices/routes";
import type { ModuleName } from "./modules";

/** Each module's routes, as the whole app mounts them (app.ts); one entry per module of modules.ts. */
export const MODULE_ROUTES = {
  platform: platformRoutes,
  notices: noticesRoutes,
  people: peopleRoutes,
  access: accessRoutes,
  privacy: privacyModuleRoutes,
  scheduling: schedulingRoutes,
  cancellations: cancellationsRoutes,
  "lesson-links": lessonLinksRoutes,
  availability: availabilityModuleRoutes,
  home: homeRoutes,
  planning: planningRoutes,
  closures: closuresRoutes,
  teaching: teachingRoutes,
  billing: billingRoutes,
  invoices: invoicesRoutes,
  payments: paymentsRoutes,
  "billing-runs": billingRunsRoutes,
  pay: payRoutes,
  lending: lendingRoutes,
  classes: classesRoutes,
  courses: coursesRoutes,
  resources: resourcesRoutes,
  rooms: roomsRoutes,
  growth: growthRoutes,
  "page-settings": pageSettingsRoutes,
  leads: leadsRoutes,
  messaging: messagingRoutes,
  announcements: announcementsRoutes,
  hosting: hostingRoutes,
  operators: operatorsRoutes,
} satisfies Record<ModuleName, unknown>;

/**
 * The modules with a typed client of their own (web/src/lib/api.ts): the site's pages of an area
 * type-check against that area's operations only, so the one big client's cost stops growing with
 * every new area.
 */
export type SeparateClientModule = "messaging" | "announcements" | "notices" | "hosting" | "operators";

type SchemaOfRouter<R> = R extends OpenAPIHono<any, infer S, any> ? S : never;

type SchemaOf<M extends ModuleName> = (typeof MODULE_ROUTES)[M] extends infer R ? SchemaOfRouter<R> : never;

/**
 * The operations of every module but those with a client of their own, and the notification
 * centre's (the notices module's but its events): what the main typed client (web/) sees.
 */
export type ApiSchema = SchemaOf<Exclude<ModuleName, SeparateClientModule>> | SchemaOfRouter<typeof myNoticesRoutes>;

/** The messaging and announcements modules' operations: the conversations client. */
export type MessagingSchema = SchemaOf<"messaging" | "announcements">;

/** The events' operations (served by the notices Lambda: notices/module.ts), for the events' own typed client. */
export type EventsSchema = SchemaOfRouter<typeof eventsRoutes>;

/** The hosting module's operations (usage, and what the platform bills), for their own typed client. */
export type HostingSchema = SchemaOf<"hosting">;

/** The platform operators' console (operators only), for its own typed client. */
export type OperatorsSchema = SchemaOf<"operators">;
