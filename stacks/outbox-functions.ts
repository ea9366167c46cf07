import { Duration } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, FilterRule } from "aws-cdk-lib/aws-lambda";
import { Cron, Function, type FunctionProps, type Stack, type Table } from "sst/constructs";
import { ENTITY_ATTRIBUTE, OUTBOX_ENTITY, OUTBOX_RETRY_INDEX } from "@studiosync/core/outbox";
import { OUTBOX_RETRY_JOB } from "@studiosync/functions/jobs";
import { tableStreamSource, WORKER_FUNCTION_PROPS } from "./table-stream";

interface OutboxInputs {
  table: Table;
  /** The app Lambdas' environment (table, bucket name, mail sender, stage). */
  environment: FunctionProps["environment"];
  /** SES sending on the mail identity and configuration set. */
  sendEmail: PolicyStatement[];
}

/**
 * The outbox (core/outbox, ARCHITECTURE §5): a consumer of the table's stream that sends each new
 * outbox message, and the retry job (every minute) for backoffs and stale claims. Least privilege:
 * both only update outbox items by key, read an undeliverable address by key before sending
 * (core/email-delivery: GetItem) and send mail; the retry job also queries the one index its work
 * queue lives in; the consumer reads the stream (granted by its event source) and files each
 * message's notice in its recipient's notification centre (core/notifications: the login and the
 * preference read together by key, BatchGetItem; the entry updated). Neither is given the app
 * secret, the files bucket or any other table action.
 */
export function outboxFunctions(stack: Stack, { table, environment, sendEmail }: OutboxInputs) {
  const updateMessages = new PolicyStatement({ effect: Effect.ALLOW, actions: ["dynamodb:UpdateItem"], resources: [table.tableArn] });
  const readAddresses = new PolicyStatement({ effect: Effect.ALLOW, actions: ["dynamodb:GetItem"], resources: [table.tableArn] });
  const props = { ...WORKER_FUNCTION_PROPS, environment } satisfies Omit<FunctionProps, "handler">;

  const consumer = new Function(stack, "OutboxConsumer", {
    ...props,
    handler: "packages/functions/src/jobs/outbox-consumer.handler",
    description: "Sends each new outbox email (DynamoDB Stream of the table, outbox inserts only)",
    // A batch of 100 sends, each within the SES timeouts of core/email/ses.ts.
    timeout: 120,
    permissions: [
      updateMessages,
      readAddresses,
      new PolicyStatement({ effect: Effect.ALLOW, actions: ["dynamodb:BatchGetItem"], resources: [table.tableArn] }),
      ...sendEmail,
    ],
  });
  consumer.addEventSource(
    tableStreamSource(table, {
      // Past this the retry job takes over (every message is keyed for it from its first write).
      maxRecordAge: Duration.hours(1),
      filter: FilterCriteria.filter({
        eventName: FilterRule.isEqual("INSERT"),
        dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: FilterRule.isEqual(OUTBOX_ENTITY) } } },
      }),
    }),
  );

  const retries = new Function(stack, `${OUTBOX_RETRY_JOB.name}Job`, {
    ...props,
    handler: OUTBOX_RETRY_JOB.handler,
    description: OUTBOX_RETRY_JOB.description,
    timeout: 120,
    permissions: [
      updateMessages,
      readAddresses,
      new PolicyStatement({ effect: Effect.ALLOW, actions: ["dynamodb:Query"], resources: [`${table.tableArn}/index/${OUTBOX_RETRY_INDEX}`] }),
      ...sendEmail,
    ],
  });
  new Cron(stack, OUTBOX_RETRY_JOB.name, { schedule: OUTBOX_RETRY_JOB.schedule, job: retries });
  return { consumer, retries };
}
