import "../bound-env";
import { consumeWebhookRecords, type WebhookStreamRecord } from "@studiosync/core/webhooks";

interface StreamEvent {
  Records: (WebhookStreamRecord & { dynamodb?: WebhookStreamRecord["dynamodb"] & { SequenceNumber?: string } })[];
}

/**
 * DynamoDB Stream (lessons, invoices, payments, students, leads and webhook deliveries, inserts and
 * changes: the event source filter in stacks/webhooks-function.ts) → the studios' webhook
 * deliveries and their first attempts (core/webhooks). Locally and in tests
 * packages/local/src/outbox/stream-poller.ts feeds this same handler. A record whose work failed is
 * reported (partial batch response), so Lambda retries from it; a replay adds nothing twice.
 */
export const handler = async (event: StreamEvent) => {
  const { failedIndexes } = await consumeWebhookRecords(event.Records);
  return {
    batchItemFailures: failedIndexes.map((index) => ({ itemIdentifier: event.Records[index]?.dynamodb?.SequenceNumber ?? "" })),
  };
};
