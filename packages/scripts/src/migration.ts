import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** What a migration gets to work with: the table, its client, the run's clock and log. */
export interface MigrationContext {
  tableName: string;
  client: DynamoDBDocumentClient;
  now: Date;
  /** Lines worth a reader's attention (items left as they are); the runner prints the summary line itself. */
  log: (line: string) => void;
}

/**
 * A data migration (migrations/NNNN-name.ts, listed in migrations/index.ts): applied once per
 * table, in id order. It must be idempotent: a crashed or failed run leaves it unrecorded and the
 * next run applies it again from the start, and a run that lost its claim's lease may overlap
 * another. So it changes only items still in the old shape, each with a conditional write.
 */
export interface Migration {
  /** "NNNN-name", the file's name: the order, and the record's key. */
  id: string;
  description: string;
  /** Applies the migration; resolves with a short summary of what it did ("12 lessons backfilled"). */
  run(context: MigrationContext): Promise<string>;
}
