export { ACCOUNTS_SCOPE, outboxEmail, outboxEmails, type OutboxEmail, type OutboxNotice, type OutboxTx } from "./outbox-email";
export { deliverOutboxMessage, type DeliveryOptions, type DeliveryOutcome } from "./deliver-message";
export { retryDueMessages, type RetryRun } from "./retry-due-messages";
export { consumeOutboxRecords, newOutboxMessages, type StreamRecord } from "./stream-records";
export { ENTITY_ATTRIBUTE, OUTBOX_ENTITY, OUTBOX_RETRY_INDEX, OutboxMessageEntity, type OutboxMessageKey, type OutboxStatus } from "./outbox-message.entity";
export { outboxDb } from "./outbox-db";
export { MAX_ATTEMPTS, LEASE_MS, backoffMs } from "./policy";
export { KEEP_FAILED_SECONDS, problemKeys } from "./policy";
export { MESSAGE_HEADER, messageHeaderValue, readMessageHeader, type MessageRef } from "./message-header";
