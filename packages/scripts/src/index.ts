export { runMigrations, type RunOptions, type RunOutcome } from "./run-migrations";
export { MIGRATIONS } from "./migrations";
export type { Migration, MigrationContext } from "./migration";
