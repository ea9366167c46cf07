export { ACCOUNTS_SCOPE, outboxEmail, outboxEmails, type OutboxEmail, type OutboxTx } from "./outbox-email";
export { deliverOutboxMessage, type DeliveryOptions, type DeliveryOutcome } from "./deliver-message";
export { retryDueMessages, type RetryRun } from "./retry-due-messages";
export { consumeOutboxRecords, newOutboxMessages, ENTITY_ATTRIBUTE, OUTBOX_ENTITY, type StreamRecord } from "./stream-records";
export { OutboxMessageEntity, type OutboxMessageKey, type OutboxStatus } from "./outbox-message.entity";
export { outboxDb } from "./outbox-db";
export { MAX_ATTEMPTS, LEASE_MS, backoffMs } from "./policy";
