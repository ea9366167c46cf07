import { recordSesEvent } from "@studiosync/core/email-delivery";

/** The part of an SNS → Lambda event the handler reads. */
export interface SnsEvent {
  Records?: { Sns?: { Message?: string; MessageId?: string } }[];
}

/**
 * SNS (the topic the SES configuration set publishes bounces, complaints, deliveries and opens to,
 * stacks/Email.ts) → marks permanently bouncing and complaining addresses undeliverable
 * (core/email-delivery), so the outbox stops mailing them, and moves tracked mailings' delivery receipts. Locally SES local's mailbox simulator feeds this same handler
 * (packages/local/src/engines/ses-simulator.ts, outbox/ses-event-relay.ts). A record that is not an SES event is logged and
 * skipped; only a DynamoDB failure throws, so SNS retries the delivery.
 */
const QUIET = new Set(["Delivery event", "Open event"]);

export const handler = async (event: SnsEvent) => {
  const records = Array.isArray(event?.Records) ? event.Records : [];
  let marked = 0;
  for (const record of records) {
    const outcome = await recordSesEvent(record?.Sns?.Message ?? null);
    if ("ignored" in outcome) {
      // Deliveries and opens are every mail's (SES publishes them all): only their receipts, if any, matter.
      if (outcome.receipt || QUIET.has(outcome.ignored)) continue;
      console.log(JSON.stringify({ level: "info", message: "SES event ignored", why: outcome.ignored, snsMessageId: record?.Sns?.MessageId }));
    } else {
      marked += outcome.marked.length;
      console.log(JSON.stringify({ level: "info", message: "addresses marked undeliverable", count: outcome.marked.length, scope: outcome.message?.scope }));
    }
  }
  return { records: records.length, marked };
};
