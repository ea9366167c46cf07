import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { SnsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import { Function, type FunctionProps, type Stack, type Table } from "sst/constructs";
import { LAMBDA_ESBUILD } from "@studiosync/functions/routing";

export const SES_EVENTS_HANDLER = "packages/functions/src/jobs/ses-events.handler";

interface SesEventsInputs {
  table: Table;
  /** The topic the SES configuration set publishes bounces and complaints to (stacks/Email.ts). */
  topic: ITopic;
  environment: FunctionProps["environment"];
}

/**
 * Bounces and complaints (core/email-delivery): a Lambda subscribed to the SES events topic
 * marks the address undeliverable (PutItem) and the message that caused it (UpdateItem). Least
 * privilege: nothing else on the table, no mail, no files, no app secret.
 */
export function sesEventsFunction(stack: Stack, { table, topic, environment }: SesEventsInputs) {
  const fn = new Function(stack, "SesEvents", {
    runtime: "nodejs22.x",
    architecture: "arm_64",
    memorySize: 256,
    timeout: 30,
    nodejs: { format: "esm", minify: true, splitting: true, esbuild: LAMBDA_ESBUILD },
    environment,
    handler: SES_EVENTS_HANDLER,
    description: "Marks addresses that bounce for good or complain undeliverable (SES events via SNS)",
    permissions: [new PolicyStatement({ effect: Effect.ALLOW, actions: ["dynamodb:PutItem", "dynamodb:UpdateItem"], resources: [table.tableArn] })],
  });
  fn.addEventSource(new SnsEventSource(topic));
  return fn;
}
