/** The job handlers the local engines drive as AWS would (the table stream's consumers, SES events). */
export { handler as outboxConsumerHandler } from "./outbox-consumer";
export { handler as materialsCatchUpHandler } from "./materials-catch-up";
export { handler as meteringHandler } from "./metering";
export { handler as webhooksHandler } from "./webhooks";
export { handler as sesEventsHandler, type SnsEvent } from "./ses-events";
export { handler as inboundEmailHandler, type SesReceiptEvent } from "./inbound-email";
