import { z } from "zod";
import { text } from "../../people";
import { FULL_PERCENT, MAX_AMOUNT_MINOR } from "../money";

const whole = (min: number, max: number) =>
  z
    .number({ invalid_type_error: "must be a number", required_error: "is required" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const flag = z.boolean({ invalid_type_error: "must be true or false", required_error: "is required" });

/** The most reminders after the due date. */
export const MAX_DUNNING_DAYS_AFTER = 6;

/** A rate in thousandths of a percent, 0–100 % (8.875 % = 8875). */
export const millipercentField = whole(0, FULL_PERCENT);
/** An amount of money in minor units, 0 up to MAX_AMOUNT_MINOR. */
export const amountMinorField = whole(0, MAX_AMOUNT_MINOR);

const lateFeeSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("fixed"), amountMinor: whole(1, MAX_AMOUNT_MINOR), afterDays: whole(1, 365) }).strict(),
    z.object({ kind: z.literal("percent"), rateMillipercent: whole(1, FULL_PERCENT), afterDays: whole(1, 365) }).strict(),
  ],
  { errorMap: (issue, ctx) => (issue.code === "invalid_union_discriminator" ? { message: "must be fixed or percent" } : { message: ctx.defaultError }) },
);

const dunningSchema = z
  .object({
    /** Days before the due date for the "due soon" reminder; 0 = none. */
    daysBefore: whole(0, 60),
    /** A reminder on the due date itself. */
    onDueDate: flag,
    /** Days after the due date for "overdue" reminders, ascending, each once. */
    daysAfter: z
      .array(whole(1, 365), { invalid_type_error: "must be a list of numbers", required_error: "is required" })
      .max(MAX_DUNNING_DAYS_AFTER, `must have at most ${MAX_DUNNING_DAYS_AFTER} entries`)
      .refine((days) => days.every((day, i) => i === 0 || day > days[i - 1]!), "must be ascending with no day twice"),
  })
  .strict();

const autoRunSchema = z
  .object({
    enabled: flag,
    /** Local day of the month the run drafts invoices (1–28, so every month has it). */
    dayOfMonth: whole(1, 28),
    period: z.enum(["previous_month", "current_month"], { errorMap: () => ({ message: "must be previous_month or current_month" }) }),
  })
  .strict();

const stripeKeysSchema = z
  .object({
    publishableKey: text(255).regex(/^pk_\w+$/, "must be a Stripe publishable key (pk_…)"),
    secretKey: text(255).regex(/^(sk|rk)_\w+$/, "must be a Stripe secret or restricted key (sk_… or rk_…)"),
    webhookSecret: text(255).regex(/^whsec_\w+$/, "must be a Stripe webhook signing secret (whsec_…)"),
  })
  .strict();

/**
 * PUT billing-settings: any of the settings; a field left out keeps its value, `null` clears an
 * optional one (late fee, default rate, texts, Stripe keys). Stripe keys are write-only.
 */
export const billingSettingsSchema = z
  .object({
    taxRateMillipercent: millipercentField,
    /** What the tax is called on invoices ("VAT", "Sales tax"). */
    taxName: text(40).min(1, "must not be empty"),
    /** Days from an invoice's issue to its due date. */
    paymentTermsDays: whole(0, 365),
    /** Per hour, minor units: the lesson rate when neither a fee plan nor the teacher's hourly rate sets one. */
    defaultHourlyRateMinor: amountMinorField.nullable(),
    lateFee: lateFeeSchema.nullable(),
    dunning: dunningSchema,
    /** How to pay without a card (bank details, cheques payable to …): on the invoice page and in emails. */
    paymentInstructions: text(2000).nullable(),
    invoiceFooter: text(1000).nullable(),
    autoRun: autoRunSchema,
    stripe: stripeKeysSchema.nullable(),
  })
  .partial()
  .strict();
export type BillingSettingsInput = z.infer<typeof billingSettingsSchema>;
