import { recordAudit } from "../audit";
import { commitWrites } from "../kernel/db/commit-writes";
import { itemOf } from "../kernel/db/read-together";
import { conflict, notFound } from "../kernel/errors";
import { page } from "../kernel/pagination/pagination";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import { loadEndpoint } from "./manage-endpoints";
import { deliveryIdOf, newDelivery } from "./new-delivery";
import { toDelivery, toDeliveryDetail, type WebhookDeliveryView } from "./endpoint-view";
import type { ListWebhookDeliveriesQuery } from "./schemas";
import type { WebhookEndpointRecord } from "./webhook-endpoint.entity";
import { PING_EVENT, webhookBody } from "./webhook-events";
import { webhooksDb } from "./webhooks-db";

/** An endpoint's deliveries, newest first (owners), optionally of one status. */
export async function listWebhookDeliveries(actor: Actor, studioId: string, endpointId: string, query: ListWebhookDeliveriesQuery) {
  await loadEndpoint(actor, studioId, endpointId);
  const { status } = query;
  const deliveries = await page(
    { studioId, list: `webhook-deliveries:${endpointId}`, params: { status: status ?? null } },
    (options) => {
      const run = webhooksDb().entities.webhookDelivery.query.webhookDelivery({ studioId, endpointId });
      return (status ? run.where((a, op) => op.eq(a.status, status)) : run).go({ ...options, order: "desc", pages: 1 });
    },
    query,
  );
  return { items: deliveries.items.map(toDelivery), nextCursor: deliveries.nextCursor };
}

/** Loads an owner's endpoint and one of its deliveries in one read (404 for either missing). */
async function loadDelivery(actor: Actor, studioId: string, endpointId: string, deliveryId: string) {
  const entities = webhooksDb().entities;
  const { member, records } = await loadMemberWith(
    actor,
    studioId,
    itemOf(entities.webhookEndpoint, { studioId, endpointId }),
    itemOf(entities.webhookDelivery, { studioId, endpointId, deliveryId }),
  );
  assertMay(member, "webhook.manage");
  const [endpoint, delivery] = records;
  if (!endpoint) throw notFound("Webhook endpoint");
  if (!delivery) throw notFound("Webhook delivery");
  return { endpoint, delivery };
}

/** One delivery with its body, its attempts and the receiver's last answer (owners). */
export async function getWebhookDelivery(actor: Actor, studioId: string, endpointId: string, deliveryId: string) {
  return toDeliveryDetail((await loadDelivery(actor, studioId, endpointId, deliveryId)).delivery);
}

const assertEnabled = (endpoint: WebhookEndpointRecord) => {
  if (endpoint.status !== "enabled") throw conflict("webhook_endpoint.disabled", "This webhook endpoint is turned off; turn it on first");
};

/** Writes a new delivery to an enabled endpoint with its audit event; the stream consumer attempts it at once. */
async function queueDelivery(actor: Actor, endpoint: WebhookEndpointRecord, delivery: ReturnType<typeof newDelivery>, action: string) {
  await commitWrites(webhooksDb, (tx) => [
    tx.webhookDelivery.create(delivery).commit(),
    recordAudit(tx, {
      studioId: endpoint.studioId,
      actorId: actor.userId,
      action,
      entityType: "webhook_endpoint",
      entityId: endpoint.endpointId,
      after: { deliveryId: delivery.deliveryId, eventId: delivery.eventId, eventType: delivery.eventType, replayOf: delivery.replayOf },
    }),
  ]);
  return toDelivery(delivery);
}

/** Sends a delivery's event again (owners) as a new delivery with the same body and event id, so a receiver that deduplicates by id still can. */
export async function replayWebhookDelivery(
  actor: Actor,
  studioId: string,
  endpointId: string,
  deliveryId: string,
  now = new Date(),
): Promise<WebhookDeliveryView> {
  const { endpoint, delivery } = await loadDelivery(actor, studioId, endpointId, deliveryId);
  assertEnabled(endpoint);
  const { eventId, eventType, payload } = delivery;
  const replay = newDelivery({ studioId, endpointId, deliveryId: deliveryIdOf(now.toISOString()), eventId, eventType, payload, replayOf: deliveryId }, now);
  return queueDelivery(actor, endpoint, replay, "webhook_delivery.replayed");
}

/** A `ping` event to the endpoint (owners), to check the receiver and its signature check. */
export async function sendTestWebhook(actor: Actor, studioId: string, endpointId: string, now = new Date()): Promise<WebhookDeliveryView> {
  const { endpoint } = await loadEndpoint(actor, studioId, endpointId);
  assertEnabled(endpoint);
  const at = now.toISOString();
  const deliveryId = deliveryIdOf(at);
  const eventId = `evt_ping_${deliveryId.slice(-16)}`;
  const payload = webhookBody({
    id: eventId,
    type: PING_EVENT,
    created: at,
    studioId,
    object: { object: "ping", endpointId, message: "A test event from StudioSync" },
  });
  return queueDelivery(
    actor,
    endpoint,
    newDelivery({ studioId, endpointId, deliveryId, eventId, eventType: PING_EVENT, payload }, now),
    "webhook_endpoint.tested",
  );
}
