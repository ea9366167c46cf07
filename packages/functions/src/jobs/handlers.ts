/** The job handlers the local engines drive as AWS would (the outbox stream, SES events). */
export { handler as outboxConsumerHandler } from "./outbox-consumer";
export { handler as sesEventsHandler, type SnsEvent } from "./ses-events";
