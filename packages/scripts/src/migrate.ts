import { config } from "@studiosync/core/kernel";
import { runMigrations } from "./run-migrations";

/**
 * `npm run migrate`: applies the pending data migrations to the table core's config names
 * (TABLE_NAME and BUCKET_NAME, AWS_REGION, DYNAMODB_ENDPOINT for a local engine). On AWS: the
 * Storage stack's TableName and BucketName outputs, with the stage's credentials.
 */
try {
  const { applied, skipped } = await runMigrations();
  const table = config().tableName;
  console.log(
    applied.length === 0 ? `${table}: no pending migrations (${skipped.length} applied before).` : `${table}: ${applied.length} migration(s) applied.`,
  );
} catch (error) {
  console.error("npm run migrate failed:", error);
  process.exitCode = 1;
}
