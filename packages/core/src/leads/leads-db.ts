import { tenantEntities } from "../db";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { ImportClaimEntity } from "../imports/module";
import { JobCursorEntity } from "../scheduling/module";
import { leadsModule } from "./module";

/**
 * The leads entities with the people, audit and outbox entities (tenantEntities; a conversion
 * writes a family, its guardian and a student) and the follow-up job's cursor: only the leads
 * Lambda carries them. Import claims make a leads import run once.
 */
export const leadsEntities = { ...tenantEntities, jobCursor: JobCursorEntity, importClaim: ImportClaimEntity, ...leadsModule.entities };

/** The leads service (same table, same client as the others). */
export const leadsDb = tableService(leadsEntities);

/** The leads entities as a transaction callback receives them. */
export type LeadsTx = TransactionEntities<typeof leadsDb>;
