import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { itemOf } from "../kernel/db/read-together";
import { conflict, notFound } from "../kernel/errors";
import { assertMay, loadMemberWith, loadStudioMember, type Actor } from "../policy";
import { toEndpoint, withoutSecret, type WebhookEndpointView } from "./endpoint-view";
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from "./schemas";
import type { WebhookEndpointRecord } from "./webhook-endpoint.entity";
import { MAX_ENDPOINTS } from "./webhook-policy";
import { newWebhookSecret } from "./webhook-signature";
import { webhooksDb } from "./webhooks-db";

const endpointsOf = async (studioId: string) => (await webhooksDb().entities.webhookEndpoint.query.webhookEndpoint({ studioId }).go({ pages: "all" })).data;

/** The member (an owner) and the endpoint, in one read; another studio's or a missing endpoint is 404. */
export async function loadEndpoint(actor: Actor, studioId: string, endpointId: string) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(webhooksDb().entities.webhookEndpoint, { studioId, endpointId }));
  assertMay(member, "webhook.manage");
  const [endpoint] = records;
  if (!endpoint) throw notFound("Webhook endpoint");
  return { member, studio, endpoint };
}

/** A new endpoint (owners), enabled: its signing secret is in this answer only. At most MAX_ENDPOINTS a studio (409). */
export async function createWebhookEndpoint(actor: Actor, studioId: string, input: CreateWebhookEndpointInput, now = new Date()) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "webhook.manage");
  if ((await endpointsOf(studioId)).length >= MAX_ENDPOINTS)
    throw conflict("webhook_endpoint.limit", `A studio has at most ${MAX_ENDPOINTS} webhook endpoints`);
  const at = now.toISOString();
  const endpoint: WebhookEndpointRecord = {
    studioId,
    endpointId: uuidv7(),
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    events: input.events,
    secret: newWebhookSecret(),
    status: "enabled",
    consecutiveFailures: 0,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  };
  await commitWrites(webhooksDb, (tx) => [
    tx.webhookEndpoint.create(endpoint).commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "webhook_endpoint.created",
      entityType: "webhook_endpoint",
      entityId: endpoint.endpointId,
      after: withoutSecret(endpoint),
    }),
  ]);
  return { ...toEndpoint(endpoint), secret: endpoint.secret };
}

/** The studio's endpoints (owners), oldest first. */
export async function listWebhookEndpoints(actor: Actor, studioId: string): Promise<{ items: WebhookEndpointView[] }> {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "webhook.manage");
  return { items: (await endpointsOf(studioId)).map(toEndpoint) };
}

export async function getWebhookEndpoint(actor: Actor, studioId: string, endpointId: string): Promise<WebhookEndpointView> {
  return toEndpoint((await loadEndpoint(actor, studioId, endpointId)).endpoint);
}

/** Writes an endpoint's change with its audit event, on condition it is still as read (a concurrent change: 409 studio.changed). */
async function commitChange(actor: Actor, before: WebhookEndpointRecord, after: WebhookEndpointRecord, action: string) {
  const { studioId, endpointId } = before;
  const { studioId: _s, endpointId: _e, createdAt: _c, createdBy: _b, updatedAt: _u, ...fields } = after;
  const cleared = (["description", "disabledReason", "disabledAt"] as const).filter((name) => after[name] === undefined && before[name] !== undefined);
  await commitWrites(webhooksDb, (tx) => [
    failsWith(
      tx.webhookEndpoint
        .patch({ studioId, endpointId })
        .set(fields)
        .remove(cleared)
        .where((a, op) => op.eq(a.updatedAt, before.updatedAt))
        .commit(),
      () => conflict("studio.changed", "The webhook endpoint changed meanwhile; load it again"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action,
      entityType: "webhook_endpoint",
      entityId: endpointId,
      before: withoutSecret(before),
      after: withoutSecret(after),
    }),
  ]);
  return after;
}

/**
 * Changes an endpoint (owners): its URL, description, event types, or whether it is on. Turning it
 * back on clears its failures; turning it off gives up its pending deliveries at their next attempt.
 */
export async function updateWebhookEndpoint(actor: Actor, studioId: string, endpointId: string, input: UpdateWebhookEndpointInput, now = new Date()) {
  const { endpoint } = await loadEndpoint(actor, studioId, endpointId);
  const { description, enabled, ...rest } = input;
  const after: WebhookEndpointRecord = { ...endpoint, ...rest, updatedAt: now.toISOString() };
  if (description !== undefined) after.description = description ?? undefined;
  if (enabled === true && endpoint.status !== "enabled")
    Object.assign(after, { status: "enabled", disabledReason: undefined, disabledAt: undefined, consecutiveFailures: 0 });
  if (enabled === false && endpoint.status !== "disabled") Object.assign(after, { status: "disabled", disabledReason: "owner", disabledAt: now.toISOString() });
  return toEndpoint(await commitChange(actor, endpoint, after, "webhook_endpoint.updated"));
}

/** A new signing secret (owners), in this answer only; the old one stops signing at once. */
export async function rollWebhookSecret(actor: Actor, studioId: string, endpointId: string, now = new Date()) {
  const { endpoint } = await loadEndpoint(actor, studioId, endpointId);
  const after = await commitChange(
    actor,
    endpoint,
    { ...endpoint, secret: newWebhookSecret(), updatedAt: now.toISOString() },
    "webhook_endpoint.secret_rolled",
  );
  return { ...toEndpoint(after), secret: after.secret };
}

/** Deletes an endpoint (owners): no more deliveries; its log expires with its deliveries. */
export async function deleteWebhookEndpoint(actor: Actor, studioId: string, endpointId: string) {
  const { endpoint } = await loadEndpoint(actor, studioId, endpointId);
  await commitWrites(webhooksDb, (tx) => [
    tx.webhookEndpoint.delete({ studioId, endpointId }).commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "webhook_endpoint.deleted",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      before: withoutSecret(endpoint),
    }),
  ]);
}
