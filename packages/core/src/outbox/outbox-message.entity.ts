import type { EntityItem } from "electrodb";
import { expiresAt, SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";
import { UNDELIVERABLE_REASONS } from "../email-delivery/module";

/**
 * Where a message is in its life: written with its change, claimed by a consumer, then sent or
 * given up: `failed` after its attempts, `undeliverable` when its address bounced for good or
 * complained (email-delivery/), before sending or after (SES reports a bounce of a sent message).
 * `held`: never to be sent (the recipient's preferences keep it out of their mail now); it only
 * carries its in-app notice.
 */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "undeliverable", "held"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** The entity's name as ElectroDB stores it in `__edb_e__` (the stream consumer's event filter matches it). */
export const OUTBOX_ENTITY = "outboxMessage";
export const ENTITY_ATTRIBUTE = "__edb_e__";
/** The table index behind `outboxRetryDue` (the retry job may query only this one). */
export const OUTBOX_RETRY_INDEX = "gsi1";

/**
 * One email to send, written in the same transaction as the change that causes it (see
 * outbox/README in ARCHITECTURE §5). Keyed by `scope` (the studio id, or "accounts" for mail about
 * a login that belongs to no studio) and a deterministic `messageId`
 * (`<flow>#<record>#<recipient>#<step>`), so a retried request cannot enqueue it twice.
 *
 * `retryDay`/`retryAt` key the sparse `outboxRetryDue` index (a deliberate cross-tenant work
 * queue, read only by the retry job): set while the message still has to go out (pending, or
 * claimed with a lease), removed once it is sent or failed for good.
 *
 * `problemScope`/`problemAt` key the sparse `outboxProblems` index: set (problemScope = scope)
 * when a message is failed or undeliverable, so the studio's staff list what did not go out,
 * newest first, with one Query.
 */
export const OutboxMessageEntity = new Entity({
  model: { entity: OUTBOX_ENTITY, version: "1", service: SERVICE },
  attributes: {
    scope: { type: "string", required: true, readOnly: true },
    messageId: { type: "string", required: true, readOnly: true },
    to: { type: "string", required: true, readOnly: true },
    subject: { type: "string", required: true, readOnly: true },
    html: { type: "string", required: true, readOnly: true },
    text: { type: "string", required: true, readOnly: true },
    fromName: { type: "string", readOnly: true },
    replyTo: { type: "string", readOnly: true },
    /** Extra headers as JSON (List-Unsubscribe…). */
    headers: { type: "string", readOnly: true },
    /** An iMIP part: its method and the iCalendar text. */
    calendarMethod: { type: ["REQUEST", "CANCEL"] as const, readOnly: true },
    calendarIcs: { type: "string", readOnly: true },
    /** A tracked mailing's receipt of this copy (delivery-receipts/): the outbox and SES's events keep it up to date. */
    receiptMailing: { type: "string", readOnly: true },
    receiptRecipient: { type: "string", readOnly: true },
    /** The in-app notice the message carries, as JSON (outbox-email.ts OutboxNotice). */
    notice: { type: "string", readOnly: true },
    status: { type: OUTBOX_STATUSES, required: true },
    attempts: { type: "number", required: true, default: 0 },
    lastError: { type: "string" },
    /** The current claim: who holds it and until when (a stale lease is taken over by the retry job). */
    claimId: { type: "string" },
    leaseUntil: { type: "string" },
    /** UTC date and ISO instant at which the retry job looks at the message next. */
    retryDay: { type: "string" },
    retryAt: { type: "string" },
    sentAt: { type: "string" },
    failedAt: { type: "string" },
    /** For `undeliverable`: a bounce or a complaint; lastError holds the server's diagnostic or the feedback type. */
    undeliverableReason: { type: UNDELIVERABLE_REASONS },
    problemScope: { type: "string" },
    problemAt: { type: "string" },
    ...timestamps,
    expiresAt,
  },
  indexes: {
    message: {
      pk: { field: "pk", composite: ["scope"] },
      sk: { field: "sk", composite: ["messageId"] },
    },
    outboxRetryDue: {
      index: OUTBOX_RETRY_INDEX,
      pk: { field: "gsi1pk", composite: ["retryDay"] },
      // Only the time: a held message has neither retry attribute, and a sparse index needs all of its composites absent together.
      sk: { field: "gsi1sk", composite: ["retryAt"] },
    },
    outboxProblems: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["problemScope"] },
      sk: { field: "gsi2sk", composite: ["problemAt"] },
    },
  },
});

export type OutboxMessageKey = { scope: string; messageId: string };
export type OutboxMessageItem = EntityItem<typeof OutboxMessageEntity>;
