import { Duration } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, FilterRule } from "aws-cdk-lib/aws-lambda";
import { Function, type FunctionProps, type Stack, type Table } from "sst/constructs";
import { ENTITY_ATTRIBUTE } from "@studiosync/core/outbox";
import { METERED_ENTITIES } from "@studiosync/core/metering";
import { tableStreamSource, WORKER_FUNCTION_PROPS } from "./table-stream";

export const METERING_HANDLER = "packages/functions/src/jobs/metering.handler";

/**
 * Metering (core/metering): a consumer of the table's stream, of lessons, outbox messages and
 * studios written or changed, that counts each studio's active students, lessons held and emails
 * sent once per event, and opens the months its storage is sampled in. Least privilege: it reads
 * the studios by key (BatchGetItem) and writes a usage mark on condition (PutItem) with its month's
 * counter (UpdateItem) in one transaction; it reads the stream (granted by its event source). No
 * queries, no deletes, no files, no mail, no app secret.
 */
export function meteringFunction(stack: Stack, { table, environment }: { table: Table; environment: FunctionProps["environment"] }) {
  const consumer = new Function(stack, "Metering", {
    ...WORKER_FUNCTION_PROPS,
    environment,
    handler: METERING_HANDLER,
    description: "Counts each studio's usage (active students, lessons held, emails sent) once per event (DynamoDB Stream: lessons, outbox, studios)",
    timeout: 60,
    permissions: [
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
        resources: [table.tableArn],
      }),
    ],
  });
  consumer.addEventSource(
    tableStreamSource(table, {
      maxRecordAge: Duration.hours(24),
      filter: FilterCriteria.filter({
        eventName: FilterRule.or("INSERT", "MODIFY"),
        dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: FilterRule.or(...METERED_ENTITIES) } } },
      }),
    }),
  );
  return consumer;
}
