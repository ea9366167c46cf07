import { tenantEntities } from "../db";
import { JobCursorEntity } from "../scheduling/module";
import { ClassEnrolmentEntity, ClassSlotEntity } from "../classes/module";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { messagingModule } from "./module";

/**
 * The messaging entities with the people, audit and outbox entities (tenantEntities) their
 * transactions span, a class's slot and seats (a class's thread), and the job cursor: only the messaging Lambdas carry them.
 */
export const messagingEntities = {
  ...tenantEntities,
  jobCursor: JobCursorEntity,
  classSlot: ClassSlotEntity,
  classEnrolment: ClassEnrolmentEntity,
  ...messagingModule.entities,
};

/** The messaging service (same table, same client as the others). */
export const messagingDb = tableService(messagingEntities);

/** The messaging entities as a transaction callback receives them. */
export type MessagingTx = TransactionEntities<typeof messagingDb>;
