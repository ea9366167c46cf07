import { accessModule } from "./access/module";
import { availabilityModule } from "./availability/module";
import { billingModule } from "./billing/module";
import { billingRunsModule } from "./billing-runs/module";
import { cancellationsModule } from "./cancellations/module";
import { classesModule } from "./classes/module";
import { closuresModule } from "./closures/module";
import { growthModule } from "./growth/module";
import { hostingModule } from "./hosting/module";
import { pageSettingsModule } from "./page-settings/module";
import { coursesModule } from "./courses/module";
import { homeModule } from "./home/module";
import { invoicesModule } from "./invoices/module";
import { leadsModule } from "./leads/module";
import { lendingModule } from "./lending/module";
import { messagingModule } from "./messaging/module";
import { announcementsModule } from "./announcements/module";
import { noticesModule } from "./notices/module";
import { operatorsModule } from "./operators/module";
import { lessonLinksModule } from "./lesson-links/module";
import { payModule } from "./pay/module";
import { paymentsModule } from "./payments/module";
import { peopleModule } from "./people/module";
import { planningModule } from "./planning/module";
import { platformModule } from "./platform/module";
import { privacyModule } from "./privacy/module";
import { resourcesModule } from "./resources/module";
import { roomsModule } from "./rooms/module";
import { schedulingModule } from "./scheduling/module";
import { teachingModule } from "./teaching/module";

/**
 * Every API module, in mounting order (platform first). Adding one: its folder (module.ts,
 * routes.ts, lambda.ts, jobs/) and one line here and in index.ts; the Lambda table, the stacks, the
 * local scheduler, the tests and the bench follow. Data only: the stacks import this without
 * loading any route.
 */
export const API_MODULES = [
  platformModule,
  noticesModule,
  peopleModule,
  accessModule,
  privacyModule,
  schedulingModule,
  cancellationsModule,
  lessonLinksModule,
  availabilityModule,
  homeModule,
  planningModule,
  closuresModule,
  teachingModule,
  billingModule,
  invoicesModule,
  paymentsModule,
  billingRunsModule,
  payModule,
  lendingModule,
  classesModule,
  coursesModule,
  resourcesModule,
  roomsModule,
  growthModule,
  pageSettingsModule,
  leadsModule,
  messagingModule,
  announcementsModule,
  hostingModule,
  operatorsModule,
] as const;
export type ModuleName = (typeof API_MODULES)[number]["name"];
