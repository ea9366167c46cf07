import { consumeCatchUpRecords, type ChangeRecord } from "@studiosync/core/resources";

interface StreamEvent {
  Records: (ChangeRecord & { dynamodb?: ChangeRecord["dynamodb"] & { SequenceNumber?: string } })[];
}

/**
 * DynamoDB Stream (students and bands, inserts and changes only: the event source filter in
 * stacks/materials-catch-up-function.ts) → a student who joins late (a new student, a restored or
 * moved one, a band's new member) gets the materials shared before (core/resources/catch-up.ts).
 * Locally and in tests packages/local/src/outbox/stream-poller.ts feeds this same handler. A record
 * whose catch-up failed is reported (partial batch response), so Lambda retries from it.
 */
export const handler = async (event: StreamEvent) => {
  const { failedIndexes } = await consumeCatchUpRecords(event.Records);
  return {
    batchItemFailures: failedIndexes.map((index) => ({ itemIdentifier: event.Records[index]?.dynamodb?.SequenceNumber ?? "" })),
  };
};
