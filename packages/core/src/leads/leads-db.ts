import { tenantEntities } from "../db";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { leadsModule } from "./module";

/** The leads entities with the people, audit and outbox entities (tenantEntities): only the leads Lambda carries them. */
export const leadsEntities = { ...tenantEntities, ...leadsModule.entities };

/** The leads service (same table, same client as the others). */
export const leadsDb = tableService(leadsEntities);

/** The leads entities as a transaction callback receives them. */
export type LeadsTx = TransactionEntities<typeof leadsDb>;
