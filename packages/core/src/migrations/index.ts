export {
  claimMigration,
  migrationRecord,
  migrationRecords,
  recordApplied,
  releaseClaim,
  type MigrationClaim,
  type MigrationRecord,
} from "./migration-records";
