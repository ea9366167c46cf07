import { isConditionalFailure } from "../kernel/db/conditional-failure";
import { ENTITY_ATTRIBUTE } from "../outbox/module";
import { attemptDelivery, type AttemptOptions } from "./attempt-delivery";
import { deliveryIdOf, newDelivery } from "./new-delivery";
import { DELIVERY_ENTITY, type WebhookDeliveryKey } from "./webhook-delivery.entity";
import type { WebhookEndpointRecord } from "./webhook-endpoint.entity";
import { webhookBody, webhookEventsOf, type WebhookEvent, type WebhookStreamRecord } from "./webhook-events";
import { webhooksDb } from "./webhooks-db";

/** A new pending delivery in the stream: the consumer makes its first attempt. */
function newDeliveryKey(record: WebhookStreamRecord): WebhookDeliveryKey | null {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== "INSERT" || image?.[ENTITY_ATTRIBUTE]?.S !== DELIVERY_ENTITY || image.status?.S !== "pending") return null;
  const [studioId, endpointId, deliveryId] = [image.studioId?.S, image.endpointId?.S, image.deliveryId?.S];
  return studioId && endpointId && deliveryId ? { studioId, endpointId, deliveryId } : null;
}

/** Writes an event's delivery for one endpoint; a replayed record finds it written (the create's condition) and adds nothing. */
async function addDelivery(event: WebhookEvent, endpoint: WebhookEndpointRecord, now: Date) {
  const delivery = newDelivery(
    {
      studioId: event.studioId,
      endpointId: endpoint.endpointId,
      deliveryId: deliveryIdOf(event.created, event.id),
      eventId: event.id,
      eventType: event.type,
      payload: webhookBody(event),
    },
    now,
  );
  try {
    await webhooksDb().entities.webhookDelivery.create(delivery).go({ response: "none" });
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
}

/**
 * The webhooks' stream consumer (stacks/webhooks-function.ts: lessons, invoices, payments,
 * students, leads and deliveries, after their commit): each domain event becomes one delivery per
 * enabled endpoint of its studio subscribed to its type (one Query per studio in the batch), and
 * each new delivery gets its first attempt (attempt-delivery.ts). A record whose work failed is
 * reported by index, so it is handed back; a replay adds nothing and attempts nothing twice.
 */
export async function consumeWebhookRecords(records: readonly WebhookStreamRecord[], options: AttemptOptions = {}): Promise<{ failedIndexes: number[] }> {
  const now = options.now ?? new Date();
  const perRecord = records.map((record) => ({ events: webhookEventsOf(record), delivery: newDeliveryKey(record) }));
  const studioIds = [...new Set(perRecord.flatMap(({ events }) => events.map((event) => event.studioId)))];
  const failedIndexes: number[] = [];
  const endpoints = new Map<string, WebhookEndpointRecord[] | null>();
  await Promise.all(
    studioIds.map(async (studioId) => {
      try {
        const { data } = await webhooksDb().entities.webhookEndpoint.query.webhookEndpoint({ studioId }).go({ pages: "all" });
        endpoints.set(
          studioId,
          data.filter((endpoint) => endpoint.status === "enabled"),
        );
      } catch (error) {
        endpoints.set(studioId, null);
        console.error(JSON.stringify({ level: "error", message: "webhooks could not read the endpoints", studioId, error: String(error) }));
      }
    }),
  );
  await Promise.all(
    perRecord.map(async ({ events, delivery }, index) => {
      try {
        for (const event of events) {
          const subscribed = endpoints.get(event.studioId);
          if (subscribed === null) throw new Error("endpoints unread");
          for (const endpoint of subscribed ?? []) if (endpoint.events.includes(event.type)) await addDelivery(event, endpoint, now);
        }
        if (delivery) await attemptDelivery(delivery, options);
      } catch (error) {
        failedIndexes.push(index);
        console.error(JSON.stringify({ level: "error", message: "webhooks failed", error: String(error) }));
      }
    }),
  );
  return { failedIndexes: failedIndexes.sort((a, b) => a - b) };
}
