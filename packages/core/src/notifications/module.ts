import type { CoreModule } from "../kernel/core-module";
import { NotificationOptOutEntity } from "./notification-opt-out.entity";
import { NotificationEntity } from "./notification.entity";

export * from "./notification-opt-out.entity";
export * from "./notification.entity";

/**
 * The notifications module's declaration: the entities it owns (each address's preferences per
 * type, and each login's in-app notification centre), with their record types. The ElectroDB
 * services (db/, each module's *-db.ts) are composed from these declarations; other modules reach
 * the entities through this file, not through their files.
 */
export const notificationsModule = {
  name: "notifications",
  entities: {
    notificationOptOut: NotificationOptOutEntity,
    notification: NotificationEntity,
  },
} as const satisfies CoreModule;
