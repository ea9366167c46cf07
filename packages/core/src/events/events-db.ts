import { tenantEntities } from "../db";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { eventsModule } from "./module";

/** The events entities with the people, audit and outbox entities their transactions span: only the events Lambda carries them. */
export const eventsEntities = { ...tenantEntities, ...eventsModule.entities };

/** The events service (same table, same client as the others). */
export const eventsDb = tableService(eventsEntities);

export type EventsTx = TransactionEntities<typeof eventsDb>;
