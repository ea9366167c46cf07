import { isConditionalFailure } from "../kernel/db/conditional-failure";
import { readTogether, itemOf } from "../kernel/db/read-together";
import { disableFailingEndpoint } from "./disable-endpoint";
import { postWebhook, type WebhookPostResult } from "./post-webhook";
import { webhooksMayUseLoopback } from "./public-address";
import type { WebhookDeliveryKey, WebhookDeliveryRecord } from "./webhook-delivery.entity";
import { ATTEMPT_LEASE_MS, ATTEMPT_TIMEOUT_MS, dueKeys, MAX_ATTEMPTS, nextAttemptAt } from "./webhook-policy";
import { SIGNATURE_HEADER, signWebhook } from "./webhook-signature";
import { webhooksDb } from "./webhooks-db";

export type AttemptOutcome = "delivered" | "retrying" | "failed" | "skipped";

export interface AttemptOptions {
  now?: Date;
  /** How the request is made (tests may count attempts); the real one checks the address first. */
  post?: typeof postWebhook;
}

/** The headers of one attempt: the signature over this attempt's time, and what the body is. */
const headersOf = (delivery: WebhookDeliveryRecord, secret: string, now: Date) => ({
  [SIGNATURE_HEADER]: signWebhook(secret, delivery.payload, now),
  "StudioSync-Event-Id": delivery.eventId,
  "StudioSync-Event-Type": delivery.eventType,
  "StudioSync-Delivery-Id": delivery.deliveryId,
});

const entryOf = (result: WebhookPostResult, at: Date) => ({
  at: at.toISOString(),
  durationMs: result.durationMs,
  ...(result.status !== null ? { statusCode: result.status } : {}),
  ...(result.error ? { error: result.error } : {}),
});

/** Gives up a delivery without an attempt: its endpoint was deleted or turned off meanwhile. */
async function giveUp(key: WebhookDeliveryKey, reason: string, now: Date): Promise<AttemptOutcome> {
  try {
    await webhooksDb()
      .entities.webhookDelivery.patch(key)
      .set({ status: "failed", failedAt: now.toISOString(), lastError: reason })
      .remove(["dueDay", "dueAt"])
      .where((a, op) => op.eq(a.status, "pending"))
      .go({ response: "none" });
    return "failed";
  } catch (error) {
    if (isConditionalFailure(error)) return "skipped";
    throw error;
  }
}

/**
 * One attempt at a pending, due delivery: claims it (its attempt count is the condition, and a
 * lease makes the retry job take it again after a crash), POSTs the signed body to a public address
 * (post-webhook.ts refuses private ones after resolving), then records the answer: delivered on a
 * 2xx; else due again per the backoff (webhook-policy.ts), or failed after the last attempt, which
 * turns a failing endpoint off (disable-endpoint.ts). A delivery not pending, not yet due or
 * claimed meanwhile is skipped, so the stream consumer and the retry job never attempt it twice.
 */
export async function attemptDelivery(key: WebhookDeliveryKey, options: AttemptOptions = {}): Promise<AttemptOutcome> {
  const now = options.now ?? new Date();
  const entities = webhooksDb().entities;
  const [delivery, endpoint] = await readTogether(
    itemOf(entities.webhookDelivery, key),
    itemOf(entities.webhookEndpoint, { studioId: key.studioId, endpointId: key.endpointId }),
  );
  if (!delivery || delivery.status !== "pending" || (delivery.dueAt && delivery.dueAt > now.toISOString())) return "skipped";
  if (!endpoint) return giveUp(key, "The endpoint was deleted", now);
  if (endpoint.status !== "enabled") return giveUp(key, "The endpoint is turned off", now);

  const attempts = delivery.attempts + 1;
  const firstAttemptAt = delivery.firstAttemptAt ?? now.toISOString();
  try {
    await entities.webhookDelivery
      .patch(key)
      .set({ attempts, firstAttemptAt, lastAttemptAt: now.toISOString(), ...dueKeys(new Date(now.getTime() + ATTEMPT_LEASE_MS)) })
      .where((a, op) => `${op.eq(a.status, "pending")} AND ${op.eq(a.attempts, delivery.attempts)}`)
      .go({ response: "none" });
  } catch (error) {
    if (isConditionalFailure(error)) return "skipped";
    throw error;
  }

  const post = options.post ?? postWebhook;
  const result = await post({
    url: endpoint.url,
    body: delivery.payload,
    headers: headersOf(delivery, endpoint.secret, now),
    timeoutMs: ATTEMPT_TIMEOUT_MS,
    allowLoopback: webhooksMayUseLoopback(),
  });
  const answered = { responseBody: result.responseBody, durationMs: result.durationMs, ...(result.status !== null ? { lastStatusCode: result.status } : {}) };
  const entry = entryOf(result, now);
  const endpointKey = { studioId: key.studioId, endpointId: key.endpointId };

  if (result.ok) {
    await entities.webhookDelivery
      .patch(key)
      .set({ ...answered, status: "delivered", deliveredAt: now.toISOString() })
      .append({ history: [entry] })
      .remove(["dueDay", "dueAt", "lastError"])
      .go({ response: "none" });
    await entities.webhookEndpoint
      .patch(endpointKey)
      .set({ consecutiveFailures: 0, lastSuccessAt: now.toISOString() })
      .go({ response: "none" })
      .catch((error) => {
        if (!isConditionalFailure(error)) throw error;
      });
    return "delivered";
  }

  const lastError = result.error ?? `HTTP ${result.status}`;
  const next = attempts < MAX_ATTEMPTS ? nextAttemptAt(firstAttemptAt, attempts, now) : null;
  const failed = entities.webhookDelivery
    .patch(key)
    .set({ ...answered, lastError })
    .append({ history: [entry] });
  if (next) await failed.set(dueKeys(next)).go({ response: "none" });
  else await failed.set({ status: "failed", failedAt: now.toISOString() }).remove(["dueDay", "dueAt"]).go({ response: "none" });
  await entities.webhookEndpoint
    .patch(endpointKey)
    .add({ consecutiveFailures: 1 })
    .set({ lastFailureAt: now.toISOString() })
    .go({ response: "none" })
    .catch((error) => {
      if (!isConditionalFailure(error)) throw error;
    });
  if (next) return "retrying";
  await disableFailingEndpoint(endpoint, { firstAttemptAt, lastError }, now);
  return "failed";
}
