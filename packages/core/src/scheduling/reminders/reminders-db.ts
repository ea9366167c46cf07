import { tableService } from "../../kernel/db/table-service";
import { ReplyAddressEntity } from "../../messaging/module";
import { schedulingEntities } from "../schedule-db";

/**
 * The reminders job's service: the scheduling entities and the reply addresses its emails give
 * (replies are lesson commands, messaging/replies). Only the reminders job carries it, so the API
 * Lambdas that use scheduling do not carry the reply address model.
 */
export const remindersDb = tableService({ ...schedulingEntities, replyAddress: ReplyAddressEntity });
