import { recordAudit } from "../audit";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { config } from "../kernel/config";
import { webhookDisabledMessage } from "../email";
import { outboxEmails } from "../outbox";
import { studioOwners } from "../policy";
import type { WebhookEndpointRecord } from "./webhook-endpoint.entity";
import { webhooksDb } from "./webhooks-db";
import { PLATFORM_ACTOR, withoutSecret } from "./endpoint-view";

/** The workspace page of an endpoint (its delivery log, replay, turning it back on). */
export const endpointPageUrl = (studioId: string, endpointId: string) =>
  `${config().webUrl}/dashboard/studios/${encodeURIComponent(studioId)}/settings/webhooks/${encodeURIComponent(endpointId)}`;

/**
 * Turns off an endpoint whose delivery failed every attempt for a day, unless it delivered
 * something since that delivery's first attempt (it works again) or is off already; the change,
 * its audit event and an email to each owner are one transaction, so the owners are told once.
 */
export async function disableFailingEndpoint(endpoint: WebhookEndpointRecord, failure: { firstAttemptAt: string; lastError: string }, now: Date) {
  const { studioId, endpointId } = endpoint;
  const [studio, recipients] = await Promise.all([webhooksDb().entities.studio.get({ studioId }).go(), studioOwners(studioId)]);
  const disabled = { ...endpoint, status: "disabled" as const, disabledReason: "failing" as const, disabledAt: now.toISOString() };
  const email = (greetingName: string) =>
    webhookDisabledMessage({
      studioName: studio.data?.name ?? "your studio",
      greetingName,
      url: endpoint.url,
      failingSince: failure.firstAttemptAt.slice(0, 16).replace("T", " "),
      lastError: failure.lastError,
      pageUrl: endpointPageUrl(studioId, endpointId),
    });
  // Off already, or it delivered since: nothing to tell.
  await commitWritesOr(webhooksDb, (tx) => [
    rejectedAs(
      tx.webhookEndpoint
        .patch({ studioId, endpointId })
        .set({ status: "disabled", disabledReason: "failing", disabledAt: disabled.disabledAt })
        .where((a, op) => `${op.eq(a.status, "enabled")} AND (${op.notExists(a.lastSuccessAt)} OR ${op.lt(a.lastSuccessAt, failure.firstAttemptAt)})`)
        .commit(),
      "unchanged",
    ),
    recordAudit(tx, {
      studioId,
      actorId: PLATFORM_ACTOR,
      action: "webhook_endpoint.disabled",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      before: withoutSecret(endpoint),
      after: withoutSecret(disabled),
    }),
    outboxEmails(
      tx,
      recipients.map((owner) => ({
        scope: studioId,
        messageId: `webhook-disabled#${endpointId}#${disabled.disabledAt}#${owner.userId}`,
        to: owner.email,
        email: email(owner.name),
      })),
      now,
    ),
  ]);
}
