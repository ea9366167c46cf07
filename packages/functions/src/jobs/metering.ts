import { consumeUsageRecords, type UsageStreamRecord } from "@studiosync/core/metering";

interface StreamEvent {
  Records: (UsageStreamRecord & { dynamodb?: UsageStreamRecord["dynamodb"] & { SequenceNumber?: string } })[];
}

/**
 * DynamoDB Stream (lessons, outbox messages and studios, inserts and changes only: the event source
 * filter in stacks/metering-function.ts) → each studio's usage (core/metering): active students,
 * lessons held, emails sent, and the studios to sample for storage. Locally and in tests
 * packages/local/src/outbox/stream-poller.ts feeds this same handler. A record whose counting failed
 * is reported (partial batch response), so Lambda retries from it; a replay counts nothing twice.
 */
export const handler = async (event: StreamEvent) => {
  const { failedIndexes } = await consumeUsageRecords(event.Records);
  return {
    batchItemFailures: failedIndexes.map((index) => ({ itemIdentifier: event.Records[index]?.dynamodb?.SequenceNumber ?? "" })),
  };
};
