import { deliverOutboxMessage, type DeliveryOptions } from "./deliver-message";
import { ENTITY_ATTRIBUTE, OUTBOX_ENTITY, type OutboxMessageKey } from "./outbox-message.entity";

/** The part of a DynamoDB Stream record the consumer reads (Lambda events and GetRecords share it). */
export interface StreamRecord {
  eventName?: string;
  dynamodb?: { NewImage?: Record<string, { S?: string } | undefined> };
}

/** Sends in flight per batch (SES's send rate is 14 a second on a new production account). */
const SENDS_AT_ONCE = 4;

/** The keys of outbox messages newly written to be sent in a batch of stream records (anything else is ignored). */
export function newOutboxMessages(records: readonly StreamRecord[]): OutboxMessageKey[] {
  return records.flatMap((record) => {
    const image = record.dynamodb?.NewImage;
    // A held message is never sent: it only carries a notice (notifications/record-notices.ts).
    if (record.eventName !== "INSERT" || image?.[ENTITY_ATTRIBUTE]?.S !== OUTBOX_ENTITY || image.status?.S === "held") return [];
    const scope = image.scope?.S;
    const messageId = image.messageId?.S;
    return scope && messageId ? [{ scope, messageId }] : [];
  });
}

/**
 * The stream consumer: delivers each new message of the batch. A message that cannot even be
 * claimed or recorded (DynamoDB failing) is reported by index, so the Lambda's event source
 * (bisect on error, partial batch response) or the local poller hands it back; a failed send is
 * not an error here: it is recorded on the message and retried by the retry job.
 */
export async function consumeOutboxRecords(records: readonly StreamRecord[], options: DeliveryOptions = {}): Promise<{ failedIndexes: number[] }> {
  const failedIndexes: number[] = [];
  let next = 0;
  // A few sends at a time: a batch of a mailing's copies (announcements) does not hit SES all at once.
  const worker = async () => {
    while (next < records.length) {
      const index = next++;
      const [key] = newOutboxMessages([records[index]!]);
      if (!key) continue;
      try {
        await deliverOutboxMessage(key, options);
      } catch (error) {
        failedIndexes.push(index);
        console.error(JSON.stringify({ level: "error", message: "outbox delivery failed", key, error: String(error) }));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SENDS_AT_ONCE, records.length) }, worker));
  return { failedIndexes: failedIndexes.sort((a, b) => a - b) };
}
