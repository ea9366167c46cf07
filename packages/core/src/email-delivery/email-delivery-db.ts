import { tableService } from "../kernel/db/table-service";
import { OutboxMessageEntity } from "../outbox/module";
import { emailDeliveryModule } from "./module";

/** Undeliverable addresses and the outbox messages they stop: small enough for the SES events Lambda. */
export const emailDeliveryDb = tableService({ ...emailDeliveryModule.entities, outboxMessage: OutboxMessageEntity });
