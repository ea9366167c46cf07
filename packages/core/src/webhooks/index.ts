export * from "./module";
export { WEBHOOK_EVENT_TYPES, EVENT_ENTITIES, PING_EVENT, webhookEventsOf, type WebhookEventType, type WebhookStreamRecord } from "./webhook-events";
export { consumeWebhookRecords } from "./consume-webhook-records";
export { retryDueDeliveries, type WebhookRetryRun } from "./retry-due-deliveries";
export { attemptDelivery, type AttemptOutcome } from "./attempt-delivery";
export {
  createWebhookEndpoint,
  listWebhookEndpoints,
  getWebhookEndpoint,
  updateWebhookEndpoint,
  rollWebhookSecret,
  deleteWebhookEndpoint,
} from "./manage-endpoints";
export { listWebhookDeliveries, getWebhookDelivery, replayWebhookDelivery, sendTestWebhook } from "./endpoint-deliveries";
export { toEndpoint, toDelivery, type WebhookEndpointView, type WebhookDeliveryView, type WebhookDeliveryDetail } from "./endpoint-view";
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER } from "./webhook-signature";
export { MAX_ENDPOINTS, MAX_ATTEMPTS, RETRY_OFFSETS_MS } from "./webhook-policy";
export * from "./schemas";
export { webhooksDb } from "./webhooks-db";
