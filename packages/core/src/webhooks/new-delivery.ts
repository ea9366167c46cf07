import { createHash, randomBytes } from "node:crypto";
import { dueKeys, KEEP_DELIVERIES_SECONDS } from "./webhook-policy";
import type { WebhookDeliveryRecord } from "./webhook-delivery.entity";

/** A time-ordered delivery id: the instant, then a part made from `seed` (the same event for the same endpoint gives the same id) or random. */
export function deliveryIdOf(at: string, seed?: string) {
  const suffix = seed ? createHash("sha256").update(seed).digest("base64url").slice(0, 16) : randomBytes(12).toString("base64url");
  return `whd_${at.replace(/[-:.]/g, "")}_${suffix}`;
}

/** A new pending delivery, due now (the stream consumer attempts it when it is written). */
export function newDelivery(
  fields: Pick<WebhookDeliveryRecord, "studioId" | "endpointId" | "deliveryId" | "eventId" | "eventType" | "payload"> & { replayOf?: string },
  now: Date,
): WebhookDeliveryRecord {
  const at = now.toISOString();
  return {
    ...fields,
    status: "pending",
    attempts: 0,
    ...dueKeys(now),
    createdAt: at,
    updatedAt: at,
    expiresAt: Math.floor(now.getTime() / 1000) + KEEP_DELIVERIES_SECONDS,
  };
}
