import { tenantEntities } from "../db";
import { ClassEnrolmentEntity, ClassSlotEntity } from "../classes/module";
import { DeliveryReceiptEntity } from "../delivery-receipts/module";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { messagingModule } from "./module";

/**
 * The messaging entities with the people, audit and outbox entities (tenantEntities) their
 * transactions span, a class's slot and seats (a class's thread) and the delivery receipts of
 * announcements: only the messaging Lambdas carry them.
 */
export const messagingEntities = {
  ...tenantEntities,
  classSlot: ClassSlotEntity,
  classEnrolment: ClassEnrolmentEntity,
  deliveryReceipt: DeliveryReceiptEntity,
  ...messagingModule.entities,
};

/** The messaging service (same table, same client as the others). */
export const messagingDb = tableService(messagingEntities);

/** The messaging entities as a transaction callback receives them. */
export type MessagingTx = TransactionEntities<typeof messagingDb>;
