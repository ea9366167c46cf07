import { tableService } from "../kernel/db/table-service";
import { OutboxMessageEntity } from "../outbox/outbox-message.entity";
import { UndeliverableAddressEntity } from "./undeliverable-address.entity";

/** Undeliverable addresses and the outbox messages they stop: small enough for the SES events Lambda. */
export const emailDeliveryDb = tableService({ undeliverableAddress: UndeliverableAddressEntity, outboxMessage: OutboxMessageEntity });
