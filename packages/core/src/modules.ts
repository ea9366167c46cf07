import { accessRequestsModule } from "./access-requests/module";
import { apiKeysModule } from "./api-keys/module";
import { accountsModule } from "./accounts/module";
import { auditModule } from "./audit/module";
import { billingModule } from "./billing/module";
import { classesModule } from "./classes/module";
import { deliveryReceiptsModule } from "./delivery-receipts/module";
import { domainsModule } from "./domains/module";
import { emailDeliveryModule } from "./email-delivery/module";
import { eventsModule } from "./events/module";
import { idempotencyModule } from "./idempotency/module";
import { importsModule } from "./imports/module";
import { invitationsModule } from "./invitations/module";
import { lendingModule } from "./lending/module";
import { leadsModule } from "./leads/module";
import { growthModule } from "./growth/module";
import { messagingModule } from "./messaging/module";
import { meteringModule } from "./metering/module";
import { migrationsModule } from "./migrations/module";
import { notificationsModule } from "./notifications/module";
import { operatorsModule } from "./operators/module";
import { outboxModule } from "./outbox/module";
import { peopleModule } from "./people/module";
import { planningModule } from "./planning/module";
import { platformBillingModule } from "./platform-billing/module";
import { rateLimitModule } from "./rate-limit/module";
import { resourcesModule } from "./resources/module";
import { roomsModule } from "./rooms/module";
import { schedulingModule } from "./scheduling/module";
import { studiosModule } from "./studios/module";
import { teachingModule } from "./teaching/module";
import { webhooksModule } from "./webhooks/module";

/**
 * Every core module that owns entities, by its declaration. Adding one: its folder with a
 * module.ts, and a line here; its service (`<module>-db.ts`) composes its entities with those of
 * the modules its transactions span.
 */
export const CORE_MODULES = [
  studiosModule,
  accountsModule,
  rateLimitModule,
  idempotencyModule,
  auditModule,
  peopleModule,
  invitationsModule,
  accessRequestsModule,
  importsModule,
  outboxModule,
  emailDeliveryModule,
  notificationsModule,
  migrationsModule,
  schedulingModule,
  planningModule,
  teachingModule,
  resourcesModule,
  roomsModule,
  billingModule,
  lendingModule,
  leadsModule,
  growthModule,
  classesModule,
  messagingModule,
  deliveryReceiptsModule,
  eventsModule,
  meteringModule,
  apiKeysModule,
  webhooksModule,
  domainsModule,
  platformBillingModule,
  operatorsModule,
] as const;
