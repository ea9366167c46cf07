import type { BillingSettingsRecord } from "./billing-settings.entity";
export type { BillingSettingsRecord } from "./billing-settings.entity";

/** A studio's billing settings with every default filled in (what the code uses). */
export interface BillingSettings {
  taxRateMillipercent: number;
  taxName: string;
  paymentTermsDays: number;
  defaultHourlyRateMinor?: number;
  lateFee?: { kind: "fixed" | "percent"; amount: number; afterDays: number };
  dunning: { daysBefore: number; onDueDate: boolean; daysAfter: number[] };
  paymentInstructions?: string;
  invoiceFooter?: string;
  autoRun: { enabled: boolean; dayOfMonth: number; period: "previous_month" | "current_month" };
  /** Stripe Checkout is offered when set. */
  stripe?: NonNullable<BillingSettingsRecord["stripe"]>;
}

export const BILLING_DEFAULTS: BillingSettings = {
  taxRateMillipercent: 0,
  taxName: "Tax",
  paymentTermsDays: 14,
  dunning: { daysBefore: 3, onDueDate: true, daysAfter: [3, 7, 14] },
  autoRun: { enabled: false, dayOfMonth: 1, period: "previous_month" },
};

export function withBillingDefaults(record: BillingSettingsRecord | null | undefined): BillingSettings {
  if (!record) return BILLING_DEFAULTS;
  return {
    taxRateMillipercent: record.taxRateMillipercent ?? BILLING_DEFAULTS.taxRateMillipercent,
    taxName: record.taxName ?? BILLING_DEFAULTS.taxName,
    paymentTermsDays: record.paymentTermsDays ?? BILLING_DEFAULTS.paymentTermsDays,
    defaultHourlyRateMinor: record.defaultHourlyRateMinor,
    lateFee: record.lateFee,
    dunning: record.dunning ?? BILLING_DEFAULTS.dunning,
    paymentInstructions: record.paymentInstructions,
    invoiceFooter: record.invoiceFooter,
    autoRun: record.autoRun ?? BILLING_DEFAULTS.autoRun,
    stripe: record.stripe,
  };
}
