import type { CoreModule } from "../kernel/core-module";
import { NotificationOptOutEntity } from "./notification-opt-out.entity";

export * from "./notification-opt-out.entity";

/**
 * The notifications module's declaration: the entities it owns (notification opt-outs), with their
 * record types. The ElectroDB services (db/, each module's *-db.ts) are composed from these
 * declarations; other modules reach the entities through this file, not through their files.
 */
export const notificationsModule = {
  name: "notifications",
  entities: {
    notificationOptOut: NotificationOptOutEntity,
  },
} as const satisfies CoreModule;
