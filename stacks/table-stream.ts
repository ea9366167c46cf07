import { Duration } from "aws-cdk-lib";
import { type FilterCriteria, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import type { FunctionProps, Table } from "sst/constructs";
import { LAMBDA_ESBUILD } from "@studiosync/functions/routing";

/** How the Lambdas beside the API are built (the outbox's, the stream consumers'): ESM on arm64, minified. */
export const WORKER_FUNCTION_PROPS = {
  runtime: "nodejs22.x",
  architecture: "arm_64",
  memorySize: 512,
  nodejs: { format: "esm", minify: true, splitting: true, esbuild: LAMBDA_ESBUILD },
} satisfies Omit<FunctionProps, "handler">;

/**
 * A consumer's view of the table's stream: from the oldest record, batches of 100 within a second,
 * a failing batch halved until the bad record is alone and only failed records retried (5 times),
 * records older than `maxRecordAge` dropped, and only the records `filter` matches delivered.
 */
export function tableStreamSource(table: Table, { filter, maxRecordAge }: { filter: ReturnType<typeof FilterCriteria.filter>; maxRecordAge: Duration }) {
  return new DynamoEventSource(table.cdk.table, {
    startingPosition: StartingPosition.TRIM_HORIZON,
    batchSize: 100,
    maxBatchingWindow: Duration.seconds(1),
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    retryAttempts: 5,
    maxRecordAge,
    filters: [filter],
  });
}
