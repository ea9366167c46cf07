import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * What became of one recipient's copy of a tracked mailing (an announcement), kept after the
 * outbox forgets the message (seed 002 message_recipients: recipient label, destination, delivery
 * status, delivered and read times):
 * - `queued`: its email is (or is about to be) in the outbox;
 * - `sent`: SES accepted it; `delivered`: the receiving server took it (SES Delivery event);
 * - `bounced`, `complained`: SES Bounce / Complaint events; `failed`: the outbox gave up;
 *   `suppressed`: not sent, the address bounced or complained before;
 * - `in-app`: no email (none on record, email not chosen, or the address unsubscribed): read in the app only.
 * `openedAt` where SES open tracking measured it; `readAt` when read in the app.
 */
export const RECEIPT_STATUSES = ["queued", "sent", "delivered", "bounced", "complained", "failed", "suppressed", "in-app"] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

export const DeliveryReceiptEntity = new Entity({
  model: { entity: "deliveryReceipt", version: "1", service: SERVICE },
  attributes: {
    scope: { type: "string", required: true, readOnly: true },
    /** The tracked mailing, e.g. `announcement:<id>`. */
    mailing: { type: "string", required: true, readOnly: true },
    /** Who, as a key of theirs (a party key: `guardian:<familyId>:<guardianId>`, `teacher:<id>`…). */
    recipient: { type: "string", required: true, readOnly: true },
    /** Their name as it was when the mailing went out. */
    label: { type: "string", required: true, readOnly: true },
    /** The address mailed (none for in-app only). */
    destination: { type: "string", readOnly: true },
    status: { type: RECEIPT_STATUSES, required: true },
    /** Why: a bounce's or a failure's diagnostic, or why there was no email. */
    detail: { type: "string" },
    /** When the mailing went out, and what it is (the recipient's own list of what they got reads these). */
    mailingAt: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true, readOnly: true },
    preview: { type: "string", required: true, readOnly: true },
    sentAt: { type: "string" },
    deliveredAt: { type: "string" },
    openedAt: { type: "string" },
    readAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    receipt: {
      pk: { field: "pk", composite: ["scope", "mailing"] },
      sk: { field: "sk", composite: ["recipient"] },
    },
    /** A recipient's mailings, newest first (their in-app list). */
    receiptsOf: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["scope", "recipient"] },
      sk: { field: "gsi1sk", composite: ["mailingAt", "mailing"] },
    },
  },
});

export type DeliveryReceiptRecord = EntityItem<typeof DeliveryReceiptEntity>;
export interface ReceiptRef {
  scope: string;
  mailing: string;
  recipient: string;
}
