import type { CoreModule } from "../kernel/core-module";
import { IdempotencyRecordEntity } from "./idempotency-record.entity";

export * from "./idempotency-record.entity";

/**
 * The idempotency module's declaration: the entities it owns (idempotency records), with their
 * record types. The ElectroDB services (db/, each module's *-db.ts) are composed from these
 * declarations; other modules reach the entities through this file, not through their files.
 */
export const idempotencyModule = {
  name: "idempotency",
  entities: {
    idempotencyRecord: IdempotencyRecordEntity,
  },
} as const satisfies CoreModule;
