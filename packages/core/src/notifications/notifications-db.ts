import { tableService } from "../kernel/db/table-service";
import { StudioEntity } from "../studios/module";
import { NotificationOptOutEntity } from "./notification-opt-out.entity";

/**
 * The preferences and the studio they belong to: a small service any sender's bundle can carry
 * (the entities are imported one by one, so a sender's bundle does not carry the notification centre's).
 */
export const notificationsDb = tableService({ notificationOptOut: NotificationOptOutEntity, studio: StudioEntity });
