import { tableService } from "../kernel/db/table-service";
import { UndeliverableAddressEntity } from "../email-delivery/module";
import { outboxModule } from "./module";

/**
 * The outbox consumer's own service: the message entity and the undeliverable addresses it checks
 * before sending (the consumer Lambda bundles nothing else).
 */
export const outboxDb = tableService({ ...outboxModule.entities, undeliverableAddress: UndeliverableAddressEntity });
