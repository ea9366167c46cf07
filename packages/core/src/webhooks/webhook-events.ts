import { createHash } from "node:crypto";
import { ENTITY_ATTRIBUTE } from "../outbox/module";
import { plainImage, type StreamImage } from "../kernel/db/stream-image";

/** The domain events a studio may subscribe an endpoint to. */
export const WEBHOOK_EVENT_TYPES = [
  "lesson.created",
  "lesson.updated",
  "lesson.cancelled",
  "invoice.sent",
  "invoice.paid",
  "invoice.overdue",
  "invoice.voided",
  "payment.recorded",
  "payment.refunded",
  "student.created",
  "lead.created",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The test event an owner sends from the endpoint's page; nobody subscribes to it. */
export const PING_EVENT = "ping";

/**
 * What an event carries of each record: its public fields only. Never the keys and bookkeeping,
 * staff-only notes, medical notes, payment processor ids or dunning state.
 */
const FIELDS = {
  lesson: [
    "lessonId",
    "teacherId",
    "originalTeacherId",
    "studentIds",
    "bandId",
    "type",
    "status",
    "title",
    "scheduledStart",
    "scheduledEnd",
    "actualStart",
    "actualEnd",
    "location",
    "roomName",
    "onlineUrl",
    "patternId",
    "classSlotId",
    "rescheduledFrom",
    "cancellation",
    "createdAt",
    "updatedAt",
  ],
  invoice: [
    "invoiceId",
    "accountId",
    "number",
    "status",
    "currency",
    "issueDate",
    "dueDate",
    "periodStart",
    "periodEnd",
    "lines",
    "subtotalMinor",
    "discountMinor",
    "taxName",
    "taxMinor",
    "totalMinor",
    "amountPaidMinor",
    "creditedMinor",
    "lateFeeMinor",
    "balanceDueMinor",
    "sentAt",
    "voidedAt",
    "voidReason",
    "createdAt",
    "updatedAt",
  ],
  payment: [
    "paymentId",
    "accountId",
    "amountMinor",
    "currency",
    "method",
    "source",
    "status",
    "receivedAt",
    "reference",
    "allocations",
    "refundedMinor",
    "createdAt",
  ],
  student: [
    "studentId",
    "familyId",
    "primaryTeacherId",
    "firstName",
    "lastName",
    "email",
    "phone",
    "instrument",
    "skillLevel",
    "enrollmentDate",
    "isActive",
    "createdAt",
  ],
  lead: [
    "leadId",
    "source",
    "stage",
    "studentFirstName",
    "studentLastName",
    "studentAge",
    "instrument",
    "level",
    "contactName",
    "contactEmail",
    "contactPhone",
    "message",
    "createdAt",
  ],
} as const;
type Kind = keyof typeof FIELDS;

/** Values the table stores for "none" (they key sparse or sorted indexes), never data. */
const PLACEHOLDERS = new Set<unknown>(["none", "~"]);

/** The lesson fields whose change is a `lesson.updated` (not reminders sent, confirmations, revisions). */
const LESSON_CHANGES = ["teacherId", "studentIds", "status", "title", "scheduledStart", "scheduledEnd", "location", "roomName", "onlineUrl", "type"];

/** The part of a DynamoDB Stream record the webhooks consumer reads. */
export interface WebhookStreamRecord {
  eventName?: string;
  dynamodb?: { NewImage?: StreamImage; OldImage?: StreamImage; SequenceNumber?: string };
}

/** One domain event, before it is addressed to an endpoint. */
export interface WebhookEvent {
  /** `evt_…`: the same for the same stream record, so a replayed record makes no second delivery. */
  id: string;
  type: WebhookEventType;
  studioId: string;
  /** When the change was made (the record's updatedAt). */
  created: string;
  object: Record<string, unknown>;
}

const text = (image: StreamImage | undefined, name: string) => image?.[name]?.S;
const same = (a: StreamImage | undefined, b: StreamImage | undefined, name: string) => JSON.stringify(a?.[name]) === JSON.stringify(b?.[name]);

/** The types a change of one record is: a create, a status it moved to, a refund. */
function typesOf(kind: Kind, inserted: boolean, next: StreamImage, prev: StreamImage | undefined): WebhookEventType[] {
  const status = text(next, "status");
  const becomes = (value: string) => status === value && text(prev, "status") !== value;
  switch (kind) {
    case "lesson":
      if (inserted) return ["lesson.created"];
      if (becomes("cancelled")) return ["lesson.cancelled"];
      return LESSON_CHANGES.some((name) => !same(next, prev, name)) ? ["lesson.updated"] : [];
    case "invoice": {
      const types: WebhookEventType[] = [];
      if (text(next, "sentAt") && !text(prev, "sentAt")) types.push("invoice.sent");
      if (becomes("paid")) types.push("invoice.paid");
      if (becomes("overdue")) types.push("invoice.overdue");
      if (becomes("void")) types.push("invoice.voided");
      return types;
    }
    case "payment":
      if (inserted) return ["payment.recorded"];
      return Number(next.refundedMinor?.N ?? 0) > Number(prev?.refundedMinor?.N ?? 0) ? ["payment.refunded"] : [];
    case "student":
      return inserted ? ["student.created"] : [];
    case "lead":
      return inserted ? ["lead.created"] : [];
  }
}

const eventId = (sequence: string, type: string, studioId: string) =>
  `evt_${createHash("sha256").update(`${studioId}\n${sequence}\n${type}`).digest("base64url").slice(0, 24)}`;

/** The entities whose changes are webhook events (the consumer's event source filter). */
export const EVENT_ENTITIES = Object.keys(FIELDS) as Kind[];

/**
 * The webhook events in one stream record (inserts and changes; a delete is none). Records of
 * other entities, and changes that are no event (a reminder sent, a revision), are none.
 */
export function webhookEventsOf(record: WebhookStreamRecord): WebhookEvent[] {
  const next = record.dynamodb?.NewImage;
  const kind = text(next, ENTITY_ATTRIBUTE) as Kind | undefined;
  const studioId = text(next, "studioId");
  const sequence = record.dynamodb?.SequenceNumber;
  if (!next || !kind || !(kind in FIELDS) || !studioId || !sequence) return [];
  if (record.eventName !== "INSERT" && record.eventName !== "MODIFY") return [];
  const types = typesOf(kind, record.eventName === "INSERT", next, record.dynamodb?.OldImage);
  if (types.length === 0) return [];
  const plain = plainImage(next);
  // Storage placeholders ("none" for no teacher, "~" for no key) are left out, as the API's views leave them out.
  const object = Object.fromEntries(FIELDS[kind].flatMap((name) => (plain[name] === undefined || PLACEHOLDERS.has(plain[name]) ? [] : [[name, plain[name]]])));
  const created = text(next, "updatedAt") ?? text(next, "createdAt") ?? new Date().toISOString();
  return types.map((type) => ({ id: eventId(sequence, type, studioId), type, studioId, created, object: { object: kind, ...object } }));
}

/** The body POSTed for an event (Stripe-like): `{ id, type, created, studioId, data: { object } }`. */
export const webhookBody = (event: { id: string; type: string; created: string; studioId: string; object: Record<string, unknown> }) =>
  JSON.stringify({ id: event.id, type: event.type, created: event.created, studioId: event.studioId, data: { object: event.object } });
