import type { WebhookDeliveryRecord } from "./webhook-delivery.entity";
import type { WebhookEndpointRecord } from "./webhook-endpoint.entity";

/** Who the audit log names for what the platform does by itself (turning a failing endpoint off). */
export const PLATFORM_ACTOR = "platform";

/** What the audit log keeps of an endpoint: never its secret. */
export const withoutSecret = ({ secret: _secret, ...rest }: WebhookEndpointRecord) => rest;

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  status: "enabled" | "disabled";
  disabledReason: "owner" | "failing" | null;
  disabledAt: string | null;
  /** The secret's last characters, to tell which one a receiver holds. */
  secretHint: string;
  consecutiveFailures: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  createdAt: string;
  createdBy: string;
}

export function toEndpoint(record: WebhookEndpointRecord): WebhookEndpointView {
  return {
    id: record.endpointId,
    url: record.url,
    description: record.description ?? null,
    events: record.events,
    status: record.status,
    disabledReason: record.disabledReason ?? null,
    disabledAt: record.disabledAt ?? null,
    secretHint: `whsec_…${record.secret.slice(-4)}`,
    consecutiveFailures: record.consecutiveFailures,
    lastSuccessAt: record.lastSuccessAt ?? null,
    lastFailureAt: record.lastFailureAt ?? null,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
  };
}

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  /** When a pending delivery is tried next. */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  durationMs: number | null;
  deliveredAt: string | null;
  failedAt: string | null;
  replayOf: string | null;
  createdAt: string;
}

export interface WebhookDeliveryDetail extends WebhookDeliveryView {
  /** The body POSTed, as sent. */
  payload: string;
  /** The first 1,024 characters of the receiver's last answer. */
  responseBody: string | null;
  history: { at: string; statusCode: number | null; error: string | null; durationMs: number }[];
}

export function toDelivery(record: WebhookDeliveryRecord): WebhookDeliveryView {
  return {
    id: record.deliveryId,
    endpointId: record.endpointId,
    eventId: record.eventId,
    eventType: record.eventType,
    status: record.status,
    attempts: record.attempts,
    nextAttemptAt: record.status === "pending" ? (record.dueAt ?? null) : null,
    lastAttemptAt: record.lastAttemptAt ?? null,
    lastStatusCode: record.lastStatusCode ?? null,
    lastError: record.lastError ?? null,
    durationMs: record.durationMs ?? null,
    deliveredAt: record.deliveredAt ?? null,
    failedAt: record.failedAt ?? null,
    replayOf: record.replayOf ?? null,
    createdAt: record.createdAt,
  };
}

export function toDeliveryDetail(record: WebhookDeliveryRecord): WebhookDeliveryDetail {
  return {
    ...toDelivery(record),
    payload: record.payload,
    responseBody: record.responseBody ?? null,
    history: (record.history ?? []).map((entry) => ({
      at: entry.at,
      statusCode: entry.statusCode ?? null,
      error: entry.error ?? null,
      durationMs: entry.durationMs,
    })),
  };
}
