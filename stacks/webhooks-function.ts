import { Duration } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, FilterRule } from "aws-cdk-lib/aws-lambda";
import { Function, type FunctionProps, type Stack, type Table } from "sst/constructs";
import { ENTITY_ATTRIBUTE } from "@studiosync/core/outbox";
import { DELIVERY_ENTITY, EVENT_ENTITIES } from "@studiosync/core/webhooks";
import { tableStreamSource, WORKER_FUNCTION_PROPS } from "./table-stream";

export const WEBHOOKS_HANDLER = "packages/functions/src/jobs/webhooks.handler";

/**
 * Outbound webhooks (core/webhooks): a consumer of the table's stream, after commit, of lessons,
 * invoices, payments, students and leads (each event becomes a delivery per subscribed endpoint)
 * and of new deliveries (their first attempt, an HTTPS POST to the studio's receiver). Least
 * privilege: it reads items by key and queries a studio's endpoints and owners (the table's own
 * partitions: no index), writes deliveries and endpoints on condition, and enqueues the owners'
 * email in a transaction (the outbox sends it). No deletes, no files, no SES.
 */
export function webhooksFunction(stack: Stack, { table, props }: { table: Table; props: Omit<FunctionProps, "handler"> }) {
  const consumer = new Function(stack, "Webhooks", {
    ...props,
    ...WORKER_FUNCTION_PROPS,
    handler: WEBHOOKS_HANDLER,
    description:
      "Delivers the studios' domain events to their webhook endpoints, signed (DynamoDB Stream: lessons, invoices, payments, students, leads, deliveries)",
    // Attempts run side by side; each has 10 s to be answered.
    timeout: 60,
    permissions: [
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"],
        resources: [table.tableArn],
      }),
    ],
  });
  consumer.addEventSource(
    tableStreamSource(table, {
      maxRecordAge: Duration.hours(24),
      filter: FilterCriteria.filter({
        eventName: FilterRule.or("INSERT", "MODIFY"),
        dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: FilterRule.or(...EVENT_ENTITIES, DELIVERY_ENTITY) } } },
      }),
    }),
  );
  return consumer;
}
