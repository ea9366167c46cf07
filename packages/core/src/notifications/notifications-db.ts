import { tableService } from "../kernel/db/table-service";
import { StudioEntity } from "../studios/module";
import { notificationsModule } from "./module";

/** The opt-outs and the studio they belong to: a small service any sender's bundle can carry. */
export const notificationsDb = tableService({ ...notificationsModule.entities, studio: StudioEntity });
