import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const INVOICE_STATUSES = ["draft", "sent", "partial", "paid", "overdue", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const LINE_KINDS = ["lesson", "late_cancellation", "monthly_plan", "term_package", "charge", "custom"] as const;

/**
 * An invoice to a billing account. Drafts can be edited or deleted; from `send` on the content
 * (lines, discount, tax, totals, number, dates) never changes: corrections are a void (+ reissue)
 * or a credit note. What changes afterwards is only what is paid and owed:
 * `balanceDueMinor = totalMinor + lateFeeMinor − amountPaidMinor − creditedMinor`.
 *
 * `listState` ("draft" | "open" | "closed") keys the `invoicesByState` index, sorted by due date:
 * the studio's drafts, and open invoices past due (the overdue list) are each one query. Always
 * set it with `status` (invoice-state.ts `statusFields`).
 */
export const InvoiceEntity = new Entity({
  model: { entity: "invoice", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    invoiceId: { type: "string", required: true, readOnly: true },
    accountId: { type: "string", required: true, readOnly: true },
    /** "INV-000042", given when sent; gapless per studio. */
    number: { type: "string" },
    sequence: { type: "number" },
    status: { type: INVOICE_STATUSES, required: true, default: "draft" },
    listState: { type: ["draft", "open", "closed"] as const, required: true, default: "draft" },
    currency: { type: "string", required: true },
    /** Local dates (studio time zone). Drafts carry the dates they would be issued with; send sets them. */
    issueDate: { type: "string", required: true },
    dueDate: { type: "string", required: true },
    periodStart: { type: "string" },
    periodEnd: { type: "string" },
    lines: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          lineId: { type: "string", required: true },
          kind: { type: LINE_KINDS, required: true },
          description: { type: "string", required: true },
          quantity: { type: "number", required: true },
          unitPriceMinor: { type: "number", required: true },
          totalMinor: { type: "number", required: true },
          lessonId: { type: "string" },
          studentId: { type: "string" },
          feePlanId: { type: "string" },
          /** The billed-item marker this line holds (billing/runs/billed-item.entity.ts). */
          billedKey: { type: "string" },
        },
      },
    },
    discount: {
      type: "map",
      properties: {
        kind: { type: ["percent", "fixed"] as const, required: true },
        /** percent: thousandths of a percent; fixed: minor units. */
        value: { type: "number", required: true },
        description: { type: "string" },
      },
    },
    subtotalMinor: { type: "number", required: true },
    discountMinor: { type: "number", required: true },
    taxRateMillipercent: { type: "number", required: true },
    taxName: { type: "string", required: true },
    taxMinor: { type: "number", required: true },
    totalMinor: { type: "number", required: true },
    amountPaidMinor: { type: "number", required: true, default: 0 },
    creditedMinor: { type: "number", required: true, default: 0 },
    lateFeeMinor: { type: "number", required: true, default: 0 },
    lateFeeAppliedAt: { type: "string" },
    balanceDueMinor: { type: "number", required: true },
    notes: { type: "string" },
    billingRunId: { type: "string" },
    replacesInvoiceId: { type: "string" },
    replacedByInvoiceId: { type: "string" },
    sentAt: { type: "string" },
    voidedAt: { type: "string" },
    voidReason: { type: "string" },
    /** The key of the invoice's pending DunningDue item (its local date and step), while it is open. */
    nextDunningDay: { type: "string" },
    nextDunningStep: { type: "string" },
    /** Dunning steps done ("before", "due", "after-7"), so each is sent once. */
    dunningSteps: { type: "list", items: { type: "string" } },
    /** What happened to the invoice, oldest first (sent, reminders, payments, late fee, void). */
    history: {
      type: "list",
      items: {
        type: "map",
        properties: {
          at: { type: "string", required: true },
          event: { type: "string", required: true },
          detail: { type: "string", required: true },
          actorId: { type: "string" },
        },
      },
    },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    invoice: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["invoiceId"] } },
    invoicesByAccount: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "accountId"] },
      sk: { field: "gsi1sk", composite: ["invoiceId"] },
    },
    invoicesByState: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "listState"] },
      sk: { field: "gsi2sk", composite: ["dueDate", "invoiceId"] },
    },
  },
});

/** The studio's last invoice number: the number and the invoice are written in one transaction. */
export const InvoiceCounterEntity = new Entity({
  model: { entity: "invoiceCounter", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    lastSequence: { type: "number", required: true },
    ...timestamps,
  },
  indexes: {
    invoiceCounter: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: [] } },
  },
});

/** A stored Invoice item, as reads return it. */
export type InvoiceRecord = EntityItem<typeof InvoiceEntity>;
