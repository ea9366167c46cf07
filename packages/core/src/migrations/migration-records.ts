import { isConditionalFailure } from "../kernel/db/conditional-failure";
import { tableService } from "../kernel/db/table-service";
import { migrationsModule } from "./module";

import type { MigrationRecord } from "./migration-record.entity";
export type { MigrationRecord } from "./migration-record.entity";

/** The migration records' own service: only the migration runner reads or writes them. */
const migrationsDb = tableService(migrationsModule.entities);
const records = () => migrationsDb().entities.migrationRecord;

/** Every migration this table has applied or is applying: one Query (one page holds hundreds). */
export async function migrationRecords(): Promise<MigrationRecord[]> {
  const { data } = await records().query.migration({}).go({ consistent: true, pages: "all" });
  return data;
}

export async function migrationRecord(migrationId: string): Promise<MigrationRecord | null> {
  const { data } = await records().get({ migrationId }).go({ consistent: true });
  return data;
}

export interface MigrationClaim {
  migrationId: string;
  description: string;
  runId: string;
  now: Date;
  /** How long the claim holds before another run may take it over. */
  leaseMs: number;
}

/**
 * Claims a migration for one run, by a conditional write: a new `running` record, or the take-over
 * of a claim whose lease has passed (its run crashed). False when another run holds the claim or
 * the migration is applied.
 */
export async function claimMigration(claim: MigrationClaim): Promise<boolean> {
  const { migrationId, description, runId } = claim;
  const startedAt = claim.now.toISOString();
  const leaseExpiresAt = new Date(claim.now.getTime() + claim.leaseMs).toISOString();
  try {
    await records().create({ migrationId, description, status: "running", runId, leaseExpiresAt, startedAt }).go();
    return true;
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
  try {
    await records()
      .patch({ migrationId })
      .set({ description, runId, leaseExpiresAt, startedAt })
      .where((a, op) => `${op.eq(a.status, "running")} AND ${op.lt(a.leaseExpiresAt, startedAt)}`)
      .go();
    return true;
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    return false;
  }
}

/** Records the run's migration as applied; false when the run no longer held the claim (another took it over). */
export async function recordApplied(migrationId: string, runId: string, summary: string, now: Date): Promise<boolean> {
  try {
    await records()
      .patch({ migrationId })
      .set({ status: "applied", appliedAt: now.toISOString(), summary })
      .where((a, op) => op.eq(a.runId, runId))
      .go();
    return true;
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    return false;
  }
}

/** Gives up the run's claim after its migration failed, so the next run tries again at once. */
export async function releaseClaim(migrationId: string, runId: string): Promise<void> {
  try {
    await records()
      .delete({ migrationId })
      .where((a, op) => `${op.eq(a.runId, runId)} AND ${op.eq(a.status, "running")}`)
      .go();
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
}
