import { Duration } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, FilterRule } from "aws-cdk-lib/aws-lambda";
import { Function, type FunctionProps, type Stack, type Table } from "sst/constructs";
import { ENTITY_ATTRIBUTE } from "@studiosync/core/outbox";
import { CATCH_UP_ENTITIES } from "@studiosync/core/resources";
import { tableStreamSource, WORKER_FUNCTION_PROPS } from "./table-stream";

export const MATERIALS_CATCH_UP_HANDLER = "packages/functions/src/jobs/materials-catch-up.handler";
/** The index the catch-up queries: an audience's shares (ResourceShare `sharesByAudience`). */
export const SHARES_BY_AUDIENCE_INDEX = "gsi1";

/**
 * The late joiners' materials (core/resources/catch-up.ts): a consumer of the table's stream, of
 * students and bands written or changed, that gives a student who joins an audience late (a new
 * student and "all students", a band's new member) what was shared with it before. Least
 * privilege: it gets items by key (the student, the resources, the entries, the sharers), queries
 * the one index of shares by audience, and writes an entry on condition its share is still there
 * (PutItem, ConditionCheckItem); it reads the stream (granted by its event source). No deletes, no
 * files, no mail, no app secret.
 */
export function materialsCatchUpFunction(stack: Stack, { table, environment }: { table: Table; environment: FunctionProps["environment"] }) {
  const allow = (actions: string[], resources: string[]) => new PolicyStatement({ effect: Effect.ALLOW, actions, resources });
  const consumer = new Function(stack, "MaterialsCatchUp", {
    ...WORKER_FUNCTION_PROPS,
    environment,
    handler: MATERIALS_CATCH_UP_HANDLER,
    description: "Gives late joiners (new students, new band members) the materials shared before (DynamoDB Stream of the table, students and bands)",
    timeout: 120,
    permissions: [
      allow(["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:ConditionCheckItem"], [table.tableArn]),
      allow(["dynamodb:Query"], [`${table.tableArn}/index/${SHARES_BY_AUDIENCE_INDEX}`]),
    ],
  });
  consumer.addEventSource(
    tableStreamSource(table, {
      maxRecordAge: Duration.hours(6),
      filter: FilterCriteria.filter({
        eventName: FilterRule.or("INSERT", "MODIFY"),
        dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: FilterRule.or(...CATCH_UP_ENTITIES) } } },
      }),
    }),
  );
  return consumer;
}
