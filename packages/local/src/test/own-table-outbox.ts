import { startStreamPoller, type StreamPoller } from "../outbox/stream-poller";

/**
 * A test file on a table of its own gets its own outbox consumer (the global setup runs one for
 * the shared table only), so the mail its use cases enqueue reaches SES local. Stop it in afterAll.
 */
export function outboxConsumerFor(tableName: string): Promise<StreamPoller> {
  const dynamodbEndpoint = process.env.DYNAMODB_ENDPOINT;
  if (!dynamodbEndpoint) throw new Error("DYNAMODB_ENDPOINT is not set; is the local test setup active?");
  return startStreamPoller({ dynamodbEndpoint, tableName, log: (line) => console.error(line) });
}
