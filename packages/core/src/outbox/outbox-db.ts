import { tableService } from "../db/table-service";
import { OutboxMessageEntity } from "./outbox-message.entity";

/** The outbox consumer's own service: only the message entity (the consumer Lambda bundles nothing else). */
export const outboxDb = tableService({ outboxMessage: OutboxMessageEntity });
