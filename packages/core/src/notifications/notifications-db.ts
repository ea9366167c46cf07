import { tableService } from "../kernel/db/table-service";
import { StudioEntity } from "../studios/studio.entity";
import { NotificationOptOutEntity } from "./notification-opt-out.entity";

/** The opt-outs and the studio they belong to: a small service any sender's bundle can carry. */
export const notificationsDb = tableService({ notificationOptOut: NotificationOptOutEntity, studio: StudioEntity });
