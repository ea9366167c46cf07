import { tenantEntities } from "../../db";
import { ClassEnrolmentEntity, ClassSlotEntity } from "../../classes/module";
import { tableService } from "../../kernel/db/table-service";

/**
 * What resolving an audience reads: the studio's people and its classes' seats, without the
 * messaging entities, so the events' Lambda (which resolves an event's audience) carries none of them.
 */
export const audienceDb = tableService({ ...tenantEntities, classSlot: ClassSlotEntity, classEnrolment: ClassEnrolmentEntity });
