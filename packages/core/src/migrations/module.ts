import type { CoreModule } from "../kernel/core-module";
import { MigrationRecordEntity } from "./migration-record.entity";

export * from "./migration-record.entity";

/**
 * The migrations module's declaration: the entities it owns (the record of data migrations run),
 * with their record types. The ElectroDB services (db/, each module's *-db.ts) are composed from
 * these declarations; other modules reach the entities through this file, not through their files.
 */
export const migrationsModule = {
  name: "migrations",
  entities: {
    migrationRecord: MigrationRecordEntity,
  },
} as const satisfies CoreModule;
