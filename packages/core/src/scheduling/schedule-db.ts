import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { tenantEntities } from "../db";
import { schedulingModule } from "./module";

/**
 * The scheduling entities, with the people and audit entities their transactions
 * span. A second ElectroDB service over the same table, so the platform, people and access
 * Lambdas do not carry these models (see README: Lambda bundles).
 */
export const schedulingEntities = {
  ...tenantEntities,
  ...schedulingModule.entities,
};

/** The scheduling service (same table, same client as db()). */
export const scheduleDb = tableService(schedulingEntities);

/** The scheduling entities as a transaction callback receives them. */
export type ScheduleTx = TransactionEntities<typeof scheduleDb>;
