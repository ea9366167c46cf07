import type { EntityItem } from "electrodb";
import { expiresAt, SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** A delivery's state: waiting for its next attempt, delivered (a 2xx), or given up (failed every attempt for a day, or its endpoint was disabled). */
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The entity's name in the stream (the webhooks consumer makes each new delivery's first attempt). */
export const DELIVERY_ENTITY = "webhookDelivery";

/**
 * One event for one endpoint: the exact body POSTed (signed afresh at each attempt), its attempts
 * and the receiver's last answer. Its id is made from the event's, so a replayed stream record
 * creates it once (the create's condition). A replay by the owner is a new delivery of the same
 * event (`replayOf`). `dueDay`/`dueAt` key the sparse due index read by the retry job (as the
 * outbox's), present only while it is pending. Kept 30 days.
 */
export const WebhookDeliveryEntity = new Entity({
  model: { entity: DELIVERY_ENTITY, version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    endpointId: { type: "string", required: true, readOnly: true },
    /** Time-ordered (the log lists newest first by it). */
    deliveryId: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    eventType: { type: "string", required: true, readOnly: true },
    /** The JSON body. */
    payload: { type: "string", required: true, readOnly: true },
    replayOf: { type: "string", readOnly: true },
    status: { type: DELIVERY_STATUSES, required: true, default: "pending" },
    attempts: { type: "number", required: true, default: 0 },
    firstAttemptAt: { type: "string" },
    lastAttemptAt: { type: "string" },
    /** The receiver's HTTP status at the last attempt (none when it could not be reached). */
    lastStatusCode: { type: "number" },
    lastError: { type: "string" },
    /** The first 1,024 characters of the receiver's last answer. */
    responseBody: { type: "string" },
    durationMs: { type: "number" },
    /** Each attempt, oldest first: when, the status or the error, how long it took. */
    history: {
      type: "list",
      items: {
        type: "map",
        properties: {
          at: { type: "string", required: true },
          statusCode: { type: "number" },
          error: { type: "string" },
          durationMs: { type: "number", required: true },
        },
      },
    },
    deliveredAt: { type: "string" },
    failedAt: { type: "string" },
    dueDay: { type: "string" },
    dueAt: { type: "string" },
    ...timestamps,
    expiresAt,
  },
  indexes: {
    webhookDelivery: { pk: { field: "pk", composite: ["studioId", "endpointId"] }, sk: { field: "sk", composite: ["deliveryId"] } },
    webhookDeliveriesDue: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["dueDay"] },
      sk: { field: "gsi1sk", composite: ["dueAt"] },
    },
  },
});

export type WebhookDeliveryRecord = EntityItem<typeof WebhookDeliveryEntity>;
export type WebhookDeliveryKey = Pick<WebhookDeliveryRecord, "studioId" | "endpointId" | "deliveryId">;
