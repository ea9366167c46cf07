import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** Whether an endpoint gets deliveries: `disabled` by its owner, or by the platform after a day of failures. */
export const ENDPOINT_STATUSES = ["enabled", "disabled"] as const;
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

/**
 * A studio's subscription to its domain events (webhook-events.ts): where they are POSTed, which
 * types, and the secret they are signed with (webhook-signature.ts). The secret is kept readable
 * (a signature needs it) and shown to the owner only when it is made or rolled; the audit log never
 * holds it. Keyed under the studio, so the stream consumer reads a studio's endpoints with one Query.
 */
export const WebhookEndpointEntity = new Entity({
  model: { entity: "webhookEndpoint", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    endpointId: { type: "string", required: true, readOnly: true },
    url: { type: "string", required: true },
    description: { type: "string" },
    /** Of WEBHOOK_EVENT_TYPES. */
    events: { type: "list", items: { type: "string" }, required: true },
    secret: { type: "string", required: true },
    status: { type: ENDPOINT_STATUSES, required: true, default: "enabled" },
    /** Why it is disabled: its owner turned it off, or its deliveries failed for a day. */
    disabledReason: { type: ["owner", "failing"] as const },
    disabledAt: { type: "string" },
    /** Failed attempts since the last delivered one (0 after a success). */
    consecutiveFailures: { type: "number", required: true, default: 0 },
    lastSuccessAt: { type: "string" },
    lastFailureAt: { type: "string" },
    createdBy: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    webhookEndpoint: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["endpointId"] } },
  },
});

export type WebhookEndpointRecord = EntityItem<typeof WebhookEndpointEntity>;
