import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/**
 * A studio's billing settings (one item per studio): tax, payment terms, late fees, dunning
 * offsets, offline payment instructions, the monthly billing run, and Stripe keys (secrets stored
 * encrypted, never returned). Absent = the defaults in `settings/defaults.ts`.
 */
export const BillingSettingsEntity = new Entity({
  model: { entity: "billingSettings", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    /** Tax rate in thousandths of a percent (8.875 % = 8875); 0 = no tax. */
    taxRateMillipercent: { type: "number", required: true, default: 0 },
    taxName: { type: "string", required: true, default: "Tax" },
    /** Days from issue to due date. */
    paymentTermsDays: { type: "number", required: true, default: 14 },
    /** Lesson rate when neither a fee plan nor the teacher's hourly rate gives one (per hour, minor units). */
    defaultHourlyRateMinor: { type: "number" },
    lateFee: {
      type: "map",
      properties: {
        kind: { type: ["fixed", "percent"] as const, required: true },
        /** fixed: minor units; percent: thousandths of a percent of the invoice total. */
        amount: { type: "number", required: true },
        /** Applied at the first dunning step at least this many days after the due date. */
        afterDays: { type: "number", required: true },
      },
    },
    dunning: {
      type: "map",
      properties: {
        /** Days before the due date to send a reminder; 0 = none. */
        daysBefore: { type: "number", required: true },
        onDueDate: { type: "boolean", required: true },
        /** Days after the due date to send a reminder, ascending (e.g. [3, 7, 14]). */
        daysAfter: { type: "list", items: { type: "number" }, required: true },
      },
    },
    /** How to pay without a card (bank details, cheques payable to …), on the invoice page and emails. */
    paymentInstructions: { type: "string" },
    invoiceFooter: { type: "string" },
    autoRun: {
      type: "map",
      properties: {
        enabled: { type: "boolean", required: true },
        /** Local day of the month (1–28) the run drafts invoices. */
        dayOfMonth: { type: "number", required: true },
        period: { type: ["previous_month", "current_month"] as const, required: true },
      },
    },
    /** "01"…"28" when the monthly run is on, else "off": the billing-run job's index. */
    autoRunDay: { type: "string", required: true, default: "off" },
    stripe: {
      type: "map",
      properties: {
        publishableKey: { type: "string", required: true },
        /** AES-256-GCM ciphertext (see stripe/secret-box.ts). */
        secretKeyCipher: { type: "string", required: true },
        webhookSecretCipher: { type: "string", required: true },
        secretKeyLast4: { type: "string", required: true },
      },
    },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    billingSettings: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: [] } },
    /** Studios whose monthly run falls on a day: a deliberate cross-tenant index, read only by the job. */
    settingsByAutoRunDay: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["autoRunDay"] },
      sk: { field: "gsi1sk", composite: ["studioId"] },
    },
  },
});

/** A stored BillingSettings item, as reads return it. */
export type BillingSettingsRecord = EntityItem<typeof BillingSettingsEntity>;
