import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * `open`: owed (its charge failed or no card is saved: retried per the dunning ladder, the studio
 * paused after the grace period); `paid`: charged, or nothing to pay (within the free allowance).
 */
export const PLATFORM_INVOICE_STATUSES = ["open", "paid"] as const;
export type PlatformInvoiceStatus = (typeof PLATFORM_INVOICE_STATUSES)[number];

/**
 * What a studio owes the platform for one closed month (its zone's calendar month): the usage
 * counted, the lines at the price version in force (recorded with the price itself, so the invoice
 * reads the same after a price change), in integer cents. One per studio and month: keyed by the
 * month, made on condition it is not there, so the billing job run twice bills once.
 * `chargeDay`/`chargeStudio` key the sparse queue of open invoices the job charges next; the month
 * index lists a month's invoices for the platform's operators.
 */
export const PlatformInvoiceEntity = new Entity({
  model: { entity: "platformInvoice", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    month: { type: "string", required: true, readOnly: true },
    /** `SS-YYYYMM-<studio>`: what the receipt and the card statement show. */
    number: { type: "string", required: true, readOnly: true },
    status: { type: PLATFORM_INVOICE_STATUSES, required: true },
    currency: { type: "string", required: true, readOnly: true },
    priceVersion: { type: "string", required: true, readOnly: true },
    /** The price in force, as JSON (metering/price-list.ts PlatformPrice). */
    price: { type: "string", required: true, readOnly: true },
    /** The usage counted and the lines, as JSON (metering/usage-bill.ts UsageBill, with the counts). */
    usage: { type: "string", required: true, readOnly: true },
    lines: { type: "string", required: true, readOnly: true },
    totalMinor: { type: "number", required: true, readOnly: true },
    issuedOn: { type: "string", required: true, readOnly: true },
    /** The studio pauses if still unpaid at the end of this day. */
    graceEndsOn: { type: "string", required: true, readOnly: true },
    /** Every charge attempt: when, the outcome, and the card's answer. */
    attempts: {
      type: "list",
      items: {
        type: "map",
        properties: {
          at: { type: "string", required: true },
          outcome: { type: ["paid", "declined", "no_card", "error"] as const, required: true },
          message: { type: "string" },
          declineCode: { type: "string" },
          paymentIntentId: { type: "string" },
          card: { type: "string" },
        },
      },
    },
    paidAt: { type: "string" },
    paymentIntentId: { type: "string" },
    /** The card charged: "Visa •••• 4242". */
    paidWith: { type: "string" },
    chargeDay: { type: "string" },
    chargeStudio: { type: "string" },
    ...timestamps,
  },
  indexes: {
    platformInvoice: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["month"] } },
    platformInvoicesByMonth: { index: "gsi1", pk: { field: "gsi1pk", composite: ["month"] }, sk: { field: "gsi1sk", composite: ["studioId"] } },
    platformChargesDue: { index: "gsi2", pk: { field: "gsi2pk", composite: ["chargeDay"] }, sk: { field: "gsi2sk", composite: ["chargeStudio"] } },
  },
});

export type PlatformInvoiceRecord = EntityItem<typeof PlatformInvoiceEntity>;
