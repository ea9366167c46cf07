import { recordNotices } from "@studiosync/core/notifications";
import { consumeOutboxRecords, type StreamRecord } from "@studiosync/core/outbox";

interface StreamEvent {
  Records: (StreamRecord & { dynamodb?: StreamRecord["dynamodb"] & { SequenceNumber?: string } })[];
}

/**
 * DynamoDB Stream (new outbox messages only: the event source filter in stacks/Jobs.ts) → files
 * the notice a message carries in its recipient's notification centre (core/notifications), and
 * sends each message once (see core/outbox). Locally and in tests packages/local/src/outbox/stream-poller.ts
 * feeds this same handler. A record whose message could not be claimed or recorded is reported
 * (partial batch response), so Lambda retries from it; a failed send is recorded on the message
 * and retried by the outbox retry job, not here.
 */
export const handler = async (event: StreamEvent) => {
  const [notices, sends] = await Promise.all([recordNotices(event.Records), consumeOutboxRecords(event.Records)]);
  const failedIndexes = [...new Set([...notices.failedIndexes, ...sends.failedIndexes])].sort((a, b) => a - b);
  return {
    batchItemFailures: failedIndexes.map((index) => ({ itemIdentifier: event.Records[index]?.dynamodb?.SequenceNumber ?? "" })),
  };
};
