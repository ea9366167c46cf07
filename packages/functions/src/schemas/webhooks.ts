import { z } from "@hono/zod-openapi";

/** The webhook answers (core/webhooks): endpoints, and each event's deliveries to them. */
const endpointFields = {
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()).openapi({ description: "The event types it receives" }),
  status: z.enum(["enabled", "disabled"]),
  disabledReason: z.enum(["owner", "failing"]).nullable().openapi({ description: "`failing`: its deliveries failed every attempt for a day" }),
  disabledAt: z.string().nullable(),
  secretHint: z.string().openapi({ description: "The signing secret's last characters" }),
  consecutiveFailures: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
};

export const WebhookEndpointSchema = z.object(endpointFields).openapi("WebhookEndpoint");
export const WebhookEndpointListSchema = z.object({ items: z.array(WebhookEndpointSchema) }).openapi("WebhookEndpointList");
export const WebhookEndpointWithSecretSchema = z
  .object({
    ...endpointFields,
    secret: z.string().openapi({ description: "`whsec_…`: shown in this answer only. Check each delivery's `StudioSync-Signature` with it." }),
  })
  .openapi("WebhookEndpointWithSecret");

const deliveryFields = {
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string().openapi({ description: "The same for a replay of the event: receivers deduplicate by it" }),
  eventType: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  durationMs: z.number().nullable(),
  deliveredAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  replayOf: z.string().nullable(),
  createdAt: z.string(),
};

export const WebhookDeliverySchema = z.object(deliveryFields).openapi("WebhookDelivery");
export const WebhookDeliveryPageSchema = z.object({ items: z.array(WebhookDeliverySchema), nextCursor: z.string().nullable() }).openapi("WebhookDeliveryPage");
export const WebhookDeliveryDetailSchema = z
  .object({
    ...deliveryFields,
    payload: z.string().openapi({ description: "The JSON body POSTed" }),
    responseBody: z.string().nullable().openapi({ description: "The first 1,024 characters of the receiver's last answer" }),
    history: z.array(z.object({ at: z.string(), statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number() })),
  })
  .openapi("WebhookDeliveryDetail");
