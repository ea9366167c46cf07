import { z } from "../../kernel/schema/openapi-zod";

/** A late fee as the API shows it: a fixed amount, or a rate of the invoice total (billing-settings-view.ts maps it). */
export const LateFeeSchema = z
  .union([
    z.object({
      kind: z.literal("fixed"),
      amountMinor: z.number().int().openapi({ description: "Added once to an overdue invoice, minor units", example: 1500 }),
      afterDays: z.number().int().openapi({ description: "Applied at the first reminder at least this many days after the due date", example: 7 }),
    }),
    z.object({
      kind: z.literal("percent"),
      rateMillipercent: z.number().int().openapi({ description: "Of the invoice total, thousandths of a percent (2 % = 2000)", example: 2000 }),
      afterDays: z.number().int(),
    }),
  ])
  .nullable()
  .openapi("LateFee");

export type LateFee = z.infer<typeof LateFeeSchema>;

/**
 * The studio's billing settings as the API shows them (defaults filled in; `updatedAt` null while
 * the studio uses the defaults). Stripe secrets are never shown: only whether keys are set, the
 * publishable key and the last four characters of the secret key.
 */
export const BillingSettingsSchema = z
  .object({
    currency: z.string().openapi({ description: "The studio's currency (ISO 4217); every amount is in its minor units", example: "GBP" }),
    taxRateMillipercent: z.number().int().openapi({ description: "Tax rate in thousandths of a percent (20 % = 20000; 8.875 % = 8875)", example: 20000 }),
    taxName: z.string().openapi({ example: "VAT" }),
    paymentTermsDays: z.number().int().openapi({ description: "Days from an invoice's issue to its due date", example: 14 }),
    defaultHourlyRateMinor: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Per hour: the lesson rate when neither a fee plan nor the teacher's hourly rate sets one" }),
    lateFee: LateFeeSchema,
    dunning: z
      .object({
        daysBefore: z.number().int().openapi({ description: "Days before the due date for a reminder; 0 = none", example: 3 }),
        onDueDate: z.boolean(),
        daysAfter: z.array(z.number().int()).openapi({ description: "Days after the due date for overdue reminders", example: [3, 7, 14] }),
      })
      .openapi("DunningSettings"),
    paymentInstructions: z.string().nullable().openapi({ description: "How to pay without a card, on the invoice page and in emails" }),
    invoiceFooter: z.string().nullable(),
    autoRun: z
      .object({
        enabled: z.boolean(),
        dayOfMonth: z.number().int().openapi({ description: "Local day of the month (1–28) the run drafts invoices", example: 1 }),
        period: z.enum(["previous_month", "current_month"]).openapi({ description: "The month the run bills" }),
      })
      .openapi("BillingAutoRun"),
    stripe: z
      .object({
        configured: z.boolean().openapi({ description: "Stripe Checkout is offered on invoices when true" }),
        publishableKey: z.string().nullable(),
        secretKeyLast4: z.string().nullable().openapi({ description: "The secret key itself is stored encrypted and never returned" }),
      })
      .openapi("BillingStripeStatus"),
    updatedAt: z.string().nullable().openapi({ description: "null while the studio uses the defaults" }),
  })
  .openapi("BillingSettings");
export type BillingSettingsView = z.infer<typeof BillingSettingsSchema>;
