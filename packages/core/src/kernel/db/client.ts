import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { config } from "../config";
import { recordDbCall } from "./request-metrics";
import { noteDbCall } from "./write-watch";

let client: DynamoDBDocumentClient | undefined;

/** One DocumentClient per process; every call asks for and records consumed capacity. */
export function dynamo(): DynamoDBDocumentClient {
  if (client) return client;
  const { region, dynamodbEndpoint } = config();
  // Bounded: a DynamoDB outage answers 503 within a few seconds (well inside the Lambda timeout)
  // instead of hanging; throttling still gets the SDK's retries with backoff.
  const base = new DynamoDBClient({
    region,
    endpoint: dynamodbEndpoint,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 8_000 },
  });
  base.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= "TOTAL";
      const operation = context.commandName ?? "unknown";
      try {
        const result = await next(args);
        recordDbCall(operation, (result.output as { ConsumedCapacity?: never }).ConsumedCapacity);
        noteDbCall(operation);
        return result;
      } catch (error) {
        // A failed conditional write is still a billed call.
        recordDbCall(operation, (error as { ConsumedCapacity?: never }).ConsumedCapacity);
        noteDbCall(operation, error);
        throw error;
      }
    },
    { step: "initialize", name: "recordConsumedCapacity" },
  );
  client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  return client;
}

export function resetDynamo(): void {
  client = undefined;
}
