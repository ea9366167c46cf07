import { tenantEntities } from "../db";
import { BillingChargeEntity } from "../billing/module";
import { JobCursorEntity } from "../scheduling/module";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { lendingModule } from "./module";

/**
 * The lending entities with the people, audit and outbox entities (tenantEntities) and the billing
 * charges their transactions write (a loan's deposit and fee), and the job cursor of the reminder job: only the lending Lambda carries them.
 */
export const lendingEntities = {
  ...tenantEntities,
  billingCharge: BillingChargeEntity,
  jobCursor: JobCursorEntity,
  ...lendingModule.entities,
};

/** The lending service (same table, same client as the others). */
export const lendingDb = tableService(lendingEntities);

/** The lending entities as a transaction callback receives them. */
export type LendingTx = TransactionEntities<typeof lendingDb>;
