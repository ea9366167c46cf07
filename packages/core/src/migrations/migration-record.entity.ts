import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * A data migration applied to this table, or being applied (packages/scripts). One partition holds
 * them all, so a run learns what is pending with one Query. `running` is a claim: the run that
 * wrote it (`runId`) applies the migration; another run may take the claim over only once
 * `leaseExpiresAt` has passed (the first run crashed).
 */
export const MigrationRecordEntity = new Entity({
  model: { entity: "migrationRecord", version: "1", service: SERVICE },
  attributes: {
    migrationId: { type: "string", required: true, readOnly: true },
    description: { type: "string", required: true },
    status: { type: ["running", "applied"] as const, required: true },
    runId: { type: "string", required: true },
    /** ISO instant after which a `running` claim counts as abandoned. */
    leaseExpiresAt: { type: "string", required: true },
    startedAt: { type: "string", required: true },
    appliedAt: { type: "string" },
    /** What the migration reported it did ("12 lessons backfilled"). */
    summary: { type: "string" },
    ...timestamps,
  },
  indexes: {
    migration: { pk: { field: "pk", composite: [] }, sk: { field: "sk", composite: ["migrationId"] } },
  },
});

/** A stored MigrationRecord item, as reads return it. */
export type MigrationRecord = EntityItem<typeof MigrationRecordEntity>;
