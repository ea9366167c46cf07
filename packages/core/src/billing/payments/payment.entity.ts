import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const PAYMENT_METHODS = ["cash", "check", "bank_transfer", "card", "other"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Money received from an account: recorded by staff (manual) or by the Stripe webhook. It is
 * allocated to invoices (`allocations`); what is left is account credit (`unallocatedMinor`).
 * Refunds give money back and are listed on the payment.
 */
export const PaymentEntity = new Entity({
  model: { entity: "payment", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    paymentId: { type: "string", required: true, readOnly: true },
    accountId: { type: "string", required: true, readOnly: true },
    amountMinor: { type: "number", required: true, readOnly: true },
    currency: { type: "string", required: true, readOnly: true },
    method: { type: PAYMENT_METHODS, required: true, readOnly: true },
    source: { type: ["manual", "stripe"] as const, required: true, readOnly: true },
    status: { type: ["completed", "partially_refunded", "refunded"] as const, required: true, default: "completed" },
    /** When the money was received (staff may record it later). */
    receivedAt: { type: "string", required: true, readOnly: true },
    reference: { type: "string" },
    notes: { type: "string" },
    stripeSessionId: { type: "string", readOnly: true },
    stripePaymentIntentId: { type: "string", readOnly: true },
    allocations: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: { invoiceId: { type: "string", required: true }, amountMinor: { type: "number", required: true } },
      },
    },
    unallocatedMinor: { type: "number", required: true },
    refundedMinor: { type: "number", required: true, default: 0 },
    refunds: {
      type: "list",
      items: {
        type: "map",
        properties: {
          refundId: { type: "string", required: true },
          amountMinor: { type: "number", required: true },
          reason: { type: "string", required: true },
          at: { type: "string", required: true },
          actorId: { type: "string", required: true },
          /** The refund at Stripe (`re_…`), for a card payment taken through Stripe: the money went back to the card. */
          stripeRefundId: { type: "string" },
        },
      },
    },
    recordedBy: { type: "string", readOnly: true },
    ...timestamps,
  },
  indexes: {
    payment: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["paymentId"] } },
    paymentsByAccount: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "accountId"] },
      sk: { field: "gsi1sk", composite: ["paymentId"] },
    },
  },
});

/** Money in and out per local month (payments received, refunds paid), kept with ADD in each payment's transaction. */
export const RevenueMonthEntity = new Entity({
  model: { entity: "revenueMonth", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    /** "2026-11" in the studio's time zone. */
    month: { type: "string", required: true, readOnly: true },
    receivedMinor: { type: "number", required: true, default: 0 },
    refundedMinor: { type: "number", required: true, default: 0 },
    paymentCount: { type: "number", required: true, default: 0 },
    ...timestamps,
  },
  indexes: {
    revenueMonth: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["month"] } },
  },
});

/**
 * A Stripe webhook event processed, keyed by (studio, event id): a replay records nothing twice,
 * and an event id another studio's account sent first cannot make this studio's event a duplicate.
 */
export const StripeEventEntity = new Entity({
  model: { entity: "stripeEvent", version: "1", service: SERVICE },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true, readOnly: true },
    type: { type: "string", required: true, readOnly: true },
    paymentId: { type: "string", readOnly: true },
    ...timestamps,
  },
  indexes: {
    stripeEvent: { pk: { field: "pk", composite: ["studioId", "eventId"] }, sk: { field: "sk", composite: [] } },
  },
});

/** A stored Payment item, as reads return it. */
export type PaymentRecord = EntityItem<typeof PaymentEntity>;
