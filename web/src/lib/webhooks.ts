import { MAX_ENDPOINTS, PING_EVENT, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@studiosync/core/webhooks";
import type { FieldErrors, Problem } from "./problem";
import type { Tone } from "./tone";

/**
 * The studio's webhooks pages (Settings, owners only): the addresses the studio's events are
 * POSTed to, each endpoint's deliveries, and one delivery. Their words, links and form reading —
 * pure; the pages call the API with the hosting module's client (`asHosting`, lib/usage.ts).
 */
export { MAX_ENDPOINTS, WEBHOOK_EVENT_TYPES, type WebhookEventType };

export const isWebhookEventType = (value: string): value is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

/** Each event type in the studio's words (the form's checkboxes and the logs). */
export const EVENT_WORDS: Record<WebhookEventType, string> = {
  "lesson.created": "A lesson is booked",
  "lesson.updated": "A lesson changes: its time, teacher, students, room or place",
  "lesson.cancelled": "A lesson is cancelled",
  "invoice.sent": "An invoice is sent",
  "invoice.paid": "An invoice is paid in full",
  "invoice.overdue": "An invoice becomes overdue",
  "invoice.voided": "An invoice is voided",
  "payment.recorded": "A payment is recorded",
  "payment.refunded": "A payment is refunded",
  "student.created": "A student is added",
  "lead.created": "An enquiry arrives",
};

/** The event types in groups, for the form's checkboxes. */
export const EVENT_GROUPS: readonly { label: string; types: WebhookEventType[] }[] = [
  { label: "Lessons", types: ["lesson.created", "lesson.updated", "lesson.cancelled"] },
  { label: "Invoices", types: ["invoice.sent", "invoice.paid", "invoice.overdue", "invoice.voided"] },
  { label: "Payments", types: ["payment.recorded", "payment.refunded"] },
  { label: "Students and enquiries", types: ["student.created", "lead.created"] },
];

/** An event type of a delivery in words: the test event has its own; a type the site doesn't know is shown as it is. */
export const eventTypeWords = (type: string) => (type === PING_EVENT ? "Test event" : isWebhookEventType(type) ? EVENT_WORDS[type] : type);

/** The form's "every event" box: ticked, it subscribes to them all, whatever else is ticked. */
export const ALL_EVENTS = "all";

/** The ticked event boxes, known ones only, each once, in the usual order; every one with the "every event" box. */
export const readEvents = (values: readonly unknown[]): WebhookEventType[] =>
  values.includes(ALL_EVENTS) ? [...WEBHOOK_EVENT_TYPES] : WEBHOOK_EVENT_TYPES.filter((type) => values.includes(type));

export const subscribesToAll = (events: readonly string[]) => WEBHOOK_EVENT_TYPES.every((type) => events.includes(type));

/** An endpoint's events in a few words: "Every event", "student.created", "3 events: lesson.created, lesson.updated and lesson.cancelled". */
export function eventsSummary(events: readonly string[]): string {
  if (events.length === 0) return "No events";
  if (subscribesToAll(events)) return `Every event (${events.length})`;
  if (events.length === 1) return events[0]!;
  const shown = events.length <= 3 ? events : [...events.slice(0, 2), `${events.length - 2} more`];
  return `${events.length} events: ${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/** The form's fields, for the error summary at its top. */
export const WEBHOOK_LABELS = { url: "Endpoint URL", description: "Description", events: "Events to send" } as const;
type WebhookField = keyof typeof WEBHOOK_LABELS;
export const MAX_DESCRIPTION = 200;
export const MAX_URL = 2048;

/** The form field an API error path belongs to ("events.0" is the events' boxes), or undefined. */
export function webhookFieldOf(path: string): WebhookField | undefined {
  const head = path.split(".")[0] ?? "";
  return head in WEBHOOK_LABELS ? (head as WebhookField) : undefined;
}

/** The URL's errors in the site's words, by the API's message (core/webhooks/schemas.ts). */
function urlWords(message: string): string {
  if (/public address/.test(message))
    return "Use a public address. StudioSync doesn't send events to private, local or internal addresses such as 10.0.0.1, 192.168.1.10 or localhost.";
  if (/user name or password/.test(message)) return "Leave the user name and password out of the address: check each delivery's signature instead.";
  if (/at most/.test(message)) return `Use an address of at most ${MAX_URL.toLocaleString("en-GB")} characters.`;
  return "Enter the full address, starting with https://, such as https://example.com/studiosync/webhooks.";
}

const FIELD_WORDS: Record<Exclude<WebhookField, "url">, string> = {
  description: `Keep the description to ${MAX_DESCRIPTION} characters.`,
  events: "Choose at least one event to send.",
};

/** A 422's errors under the form's fields, in the site's words. */
export function webhookFieldErrors(problem: Problem | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of problem?.errors ?? []) {
    const field = webhookFieldOf(e.path);
    if (field) out[field] ??= field === "url" ? urlWords(e.message) : FIELD_WORDS[field];
  }
  return out;
}

/** The paths of a problem's errors that a field of the form shows (the rest go in the message at the top). */
export const webhookKnownPaths = (problem: Problem | undefined) => (problem?.errors ?? []).map((e) => e.path).filter((path) => webhookFieldOf(path));

export const ONLY_OWNERS = "Only the studio's owner can manage webhooks.";
export const LIMIT_WORDS = `A studio can have up to ${MAX_ENDPOINTS} endpoints. Delete one you no longer use to add another.`;
export const DISABLED_WORDS = "This endpoint is turned off: turn it on first.";

/** An endpoint's status as a badge: its words and tone. */
export function endpointStatus(endpoint: { status: "enabled" | "disabled"; disabledReason: "owner" | "failing" | null }): { label: string; tone: Tone } {
  if (endpoint.status === "enabled") return { label: "On", tone: "success" };
  return endpoint.disabledReason === "failing" ? { label: "Turned off: failing for a day", tone: "danger" } : { label: "Turned off", tone: "neutral" };
}

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const isDeliveryStatus = (value: string | null): value is DeliveryStatus => (DELIVERY_STATUSES as readonly (string | null)[]).includes(value);

/** A delivery's status as a badge: its words and tone. */
export const DELIVERY_STATUS: Record<DeliveryStatus, { label: string; tone: Tone }> = {
  pending: { label: "Pending", tone: "info" },
  delivered: { label: "Delivered", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};

/** What the receiver last answered: "200", "500", or the error when it didn't answer ("timed out"). */
export const responseWords = (delivery: { lastStatusCode: number | null; lastError: string | null; attempts: number }) =>
  delivery.lastStatusCode !== null
    ? `HTTP ${delivery.lastStatusCode}`
    : delivery.lastError
      ? delivery.lastError
      : delivery.attempts === 0
        ? "Not tried yet"
        : "No answer";

/** A delivery's body, pretty-printed when it is JSON (as it always should be), else as sent. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** `<base>/settings/webhooks`, an endpoint's page under it, and a delivery's under that. */
export const webhooksHref = (base: string) => `${base}/settings/webhooks`;
export const endpointHref = (base: string, endpointId: string) => `${webhooksHref(base)}/${encodeURIComponent(endpointId)}`;
export const deliveryHref = (base: string, endpointId: string, deliveryId: string) => `${endpointHref(base, endpointId)}/${encodeURIComponent(deliveryId)}`;

/** The endpoint's page showing deliveries of `status` (all when undefined), from the newest. */
export const deliveriesHref = (base: string, endpointId: string, status?: DeliveryStatus) =>
  `${endpointHref(base, endpointId)}${status ? `?status=${status}` : ""}#deliveries`;

/** The filter links above the delivery log. */
export const deliveryFilters = (base: string, endpointId: string, current: DeliveryStatus | undefined) =>
  [undefined, ...DELIVERY_STATUSES].map((status) => ({
    href: deliveriesHref(base, endpointId, status),
    label: status ? DELIVERY_STATUS[status].label : "All",
    current: status === current,
  }));

/** The endpoint's page at `url` asking to confirm `action` (its filters kept). */
export function confirmHref(url: URL, action: "delete" | "roll"): string {
  const next = new URL(url);
  next.searchParams.delete("done");
  next.searchParams.set("confirm", action);
  return `${next.pathname}${next.search}#confirm-title`;
}

/** The one-line confirmations after a POST on an endpoint's page (`?done=`). */
export const DONE_WORDS: Record<string, string> = {
  saved: "Endpoint saved.",
  disabled: "Endpoint turned off: no events are sent to it until you turn it back on.",
  enabled: "Endpoint turned on: new events are sent to it again.",
  tested: "Test event sent: it is at the top of the deliveries below.",
  replayed: "Event sent again: the new delivery is at the top of the deliveries below.",
};
