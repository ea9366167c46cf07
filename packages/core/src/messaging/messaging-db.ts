import { tenantEntities } from "../db";
import { ClassEnrolmentEntity, ClassSlotEntity } from "../classes/module";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { messagingModule } from "./module";

/**
 * The messaging entities with the people, audit and outbox entities (tenantEntities) their
 * transactions span, and a class's slot and seats (a class's thread): only the messaging Lambdas carry them.
 */
export const messagingEntities = {
  ...tenantEntities,
  classSlot: ClassSlotEntity,
  classEnrolment: ClassEnrolmentEntity,
  ...messagingModule.entities,
};

/** The messaging service (same table, same client as the others). */
export const messagingDb = tableService(messagingEntities);

/** The messaging entities as a transaction callback receives them. */
export type MessagingTx = TransactionEntities<typeof messagingDb>;
